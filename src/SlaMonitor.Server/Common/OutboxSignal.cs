namespace SlaMonitor.Server.Common;

/// <summary>Rung after a save that added outbox rows, so this process's dispatcher publishes them at once instead of at its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _rung = new(0, 1);

    public void Ring()
    {
        try
        {
            _rung.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already rung.
        }
    }

    /// <summary>True when rung, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _rung.WaitAsync(timeout, ct);

    public void Dispose() => _rung.Dispose();
}
