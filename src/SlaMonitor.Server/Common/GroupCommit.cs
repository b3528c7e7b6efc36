using System.Threading.Channels;

namespace SlaMonitor.Server.Common;

/// <summary>
/// Group commit: callers hand in items and wait; one loop takes everything waiting (up to a maximum) and
/// handles it in one go, so batches grow with the load. With a linger the loop, woken by a first item, waits
/// that long for company before it takes the batch: a steady trickle then shares its fixed costs instead of
/// paying them item by item. A failed batch is handled again item by item, so one bad item fails only its
/// own caller.
/// </summary>
public sealed class GroupCommit<T> : IAsyncDisposable
{
    private readonly int _maxBatch;
    private readonly TimeSpan _linger;
    private readonly Func<IReadOnlyList<T>, Task> _handle;
    private readonly Action<Exception, int> _onBatchFailed;
    private readonly Channel<Waiting> _channel = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommit(int maxBatch, TimeSpan linger, Func<IReadOnlyList<T>, Task> handle, Action<Exception, int> onBatchFailed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _maxBatch = maxBatch;
        _linger = linger;
        _handle = handle;
        _onBatchFailed = onBatchFailed;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the batch holding <paramref name="item"/> is handled; throws what its handling threw.</summary>
    public Task SubmitAsync(T item)
    {
        var waiting = new Waiting(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var queued = _channel.Writer.TryWrite(waiting);
        ObjectDisposedException.ThrowIf(!queued, this);
        return waiting.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Waiting>(_maxBatch);
        while (await _channel.Reader.WaitToReadAsync())
        {
            Take(batch);
            if (batch.Count < _maxBatch && _linger > TimeSpan.Zero)
            {
                await Task.Delay(_linger);
                Take(batch);
            }

            await HandleAsync(batch);
            batch.Clear();
        }
    }

    private void Take(List<Waiting> batch)
    {
        while (batch.Count < _maxBatch && _channel.Reader.TryRead(out var waiting))
        {
            batch.Add(waiting);
        }
    }

    private async Task HandleAsync(List<Waiting> batch)
    {
        try
        {
            await _handle(batch.ConvertAll(w => w.Item));
            batch.ForEach(w => w.Done.TrySetResult());
        }
        catch (Exception e) when (batch.Count > 1)
        {
            _onBatchFailed(e, batch.Count);
            foreach (var waiting in batch)
            {
                await HandleAsync([waiting]);
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private sealed record Waiting(T Item, TaskCompletionSource Done);
}
