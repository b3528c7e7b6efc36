using System.Threading.Channels;
using SlaMonitor.Contracts;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Group commit per stripe. Partition keys (ticketRef, else shipmentRef) are hashed onto a few stripes;
/// each stripe has one loop that takes everything waiting for it (up to <see cref="MaxBatch"/> messages)
/// and applies it as one <see cref="IngestBatch"/>, in a scope of its own. A consumer hands its message
/// in and waits until the batch that carried it is stored and evaluated, so the broker's acknowledgement
/// still follows the store. Batches grow with the load instead of waiting on a timer: one message alone
/// is applied at once, a backlog in a few large batches. One loop per stripe keeps one promise's events
/// serial in this process; across processes the promise's concurrency token (a lost race is retried)
/// keeps them apart.
/// </summary>
public sealed class IngestStripes : IAsyncDisposable
{
    public const int MaxBatch = 500;

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<IngestStripes> _logger;
    private readonly Channel<Waiting>[] _channels;
    private readonly Task[] _loops;

    public IngestStripes(int count, IServiceScopeFactory scopes, ILogger<IngestStripes> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _scopes = scopes;
        _logger = logger;
        _channels = Enumerable.Range(0, count).Select(_ => Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
        _loops = _channels.Select(c => Task.Run(() => RunAsync(c.Reader))).ToArray();
    }

    public int Count => _channels.Length;

    public int Of(string partitionKey) => (StringComparer.Ordinal.GetHashCode(partitionKey) & int.MaxValue) % _channels.Length;

    /// <summary>Completes once the message is stored and its promises re-derived; throws if its batch failed.</summary>
    public Task ApplyAsync(RecordCarrierEvents message)
    {
        var waiting = new Waiting(message, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var queued = _channels[Of(message.PartitionKey)].Writer.TryWrite(waiting);
        ObjectDisposedException.ThrowIf(!queued, this);

        return waiting.Applied.Task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryComplete();
        }

        await Task.WhenAll(_loops);
    }

    private async Task RunAsync(ChannelReader<Waiting> reader)
    {
        var batch = new List<Waiting>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var waiting))
            {
                batch.Add(waiting);
            }

            await ApplyAsync(batch);
            batch.Clear();
        }
    }

    private async Task ApplyAsync(List<Waiting> batch)
    {
        try
        {
            await ApplyInScopeAsync(batch.Select(w => w.Message).ToList());
            batch.ForEach(w => w.Applied.TrySetResult());
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // One bad message must not fail its neighbours: apply each alone, so only its own consumer fails.
            _logger.LogWarning(e, "A batch of {Count} ingest messages failed; applying them one by one", batch.Count);
            foreach (var waiting in batch)
            {
                await ApplyAsync([waiting]);
            }
        }
        catch (Exception e)
        {
            batch[0].Applied.TrySetException(e);
        }
    }

    private async Task ApplyInScopeAsync(IReadOnlyList<RecordCarrierEvents> messages)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IngestBatch>().ApplyAsync(messages);
    }

    private sealed record Waiting(RecordCarrierEvents Message, TaskCompletionSource Applied);
}
