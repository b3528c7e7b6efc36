namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Partition keys (ticketRef, else shipmentRef) hashed onto a few stripes. Batches are grouped by
/// stripe and each stripe is held by one batch at a time in this process, so two batches never
/// re-derive the same promise concurrently here; across processes the promise's concurrency token
/// (a lost race is retried) keeps them apart.
/// </summary>
public sealed class IngestStripes
{
    private readonly SemaphoreSlim[] _locks;

    public IngestStripes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _locks = Enumerable.Range(0, count).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    }

    public int Count => _locks.Length;

    public int Of(string partitionKey) => (StringComparer.Ordinal.GetHashCode(partitionKey) & int.MaxValue) % _locks.Length;

    public async Task<IDisposable> EnterAsync(string partitionKey, CancellationToken ct)
    {
        var gate = _locks[Of(partitionKey)];
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
