using System.Threading.Channels;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Group commit: callers hand in items and wait; one loop takes everything waiting (up to a maximum) and
/// handles it in one go. Batches grow with the load instead of waiting on a timer: an item alone is handled
/// at once, a crowd in a few large batches. A failed batch is handled again item by item, so one bad item
/// fails only its own caller.
/// </summary>
public sealed class GroupCommit<T> : IAsyncDisposable
{
    private readonly int _maxBatch;
    private readonly Func<IReadOnlyList<T>, Task> _handle;
    private readonly Action<Exception, int> _onBatchFailed;
    private readonly Channel<Waiting> _channel = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommit(int maxBatch, Func<IReadOnlyList<T>, Task> handle, Action<Exception, int> onBatchFailed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _maxBatch = maxBatch;
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
            while (batch.Count < _maxBatch && _channel.Reader.TryRead(out var waiting))
            {
                batch.Add(waiting);
            }

            await HandleAsync(batch);
            batch.Clear();
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
