using SlaMonitor.Contracts;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Ingest messages applied by group commit per stripe: partition keys (ticketRef, else shipmentRef) are
/// hashed onto a few stripes, and each stripe applies everything waiting for it (up to <see cref="MaxBatch"/>
/// messages) as one <see cref="IngestBatch"/> in a scope of its own. A consumer hands its message in and
/// waits until the batch that carried it is stored and evaluated, so the broker's acknowledgement still
/// follows the store. One batch at a time per stripe keeps one promise's events serial in this process;
/// across processes the promise's concurrency token (a lost race is retried) keeps them apart.
/// </summary>
public sealed class IngestStripes : IAsyncDisposable
{
    public const int MaxBatch = 500;

    /// <summary>How long a stripe waits for more messages after the first (Ingest:Linger); see <see cref="GroupCommit{T}"/>.</summary>
    /// <remarks>Measured at 1,000 ev/s in requests of 10 (docs/benchmarks.md): without it every message was its own batch.</remarks>
    public static readonly TimeSpan DefaultLinger = TimeSpan.FromMilliseconds(20);

    private readonly IServiceScopeFactory _scopes;
    private readonly GroupCommit<RecordCarrierEvents>[] _stripes;

    public IngestStripes(int count, TimeSpan linger, IServiceScopeFactory scopes, ILogger<IngestStripes> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _scopes = scopes;
        _stripes = Enumerable.Range(0, count)
            .Select(_ => new GroupCommit<RecordCarrierEvents>(MaxBatch, linger, ApplyBatchAsync, (e, n) =>
                logger.LogWarning(e, "A batch of {Count} ingest messages failed; applying them one by one", n)))
            .ToArray();
    }

    public int Count => _stripes.Length;

    public int Of(string partitionKey) => (StringComparer.Ordinal.GetHashCode(partitionKey) & int.MaxValue) % _stripes.Length;

    /// <summary>Completes once the message is stored and its promises re-derived; throws if that failed.</summary>
    public Task ApplyAsync(RecordCarrierEvents message) => _stripes[Of(message.PartitionKey)].SubmitAsync(message);

    public async ValueTask DisposeAsync()
    {
        foreach (var stripe in _stripes)
        {
            await stripe.DisposeAsync();
        }
    }

    private async Task ApplyBatchAsync(IReadOnlyList<RecordCarrierEvents> messages)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IngestBatch>().ApplyAsync(messages);
    }
}
