using NodaTime;

namespace SlaMonitor.Server.Common;

/// <summary>Wakes the dispatcher early when this process writes a wake-up sooner than the one it sleeps towards.</summary>
public sealed class WakeupSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _sleepingUntilTicks = long.MaxValue;

    public void Arm(Instant? at)
    {
        if (at is { } due && due.ToUnixTimeTicks() < Interlocked.Read(ref _sleepingUntilTicks) && _signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Sleeps until <paramref name="until"/> (a real-time delay) or an earlier wake-up is armed.</summary>
    public async Task Sleep(Instant until, TimeSpan delay, CancellationToken ct)
    {
        Interlocked.Exchange(ref _sleepingUntilTicks, until.ToUnixTimeTicks());
        try
        {
            await _signal.WaitAsync(delay, ct);
        }
        finally
        {
            Interlocked.Exchange(ref _sleepingUntilTicks, long.MaxValue);
        }
    }

    public void Dispose() => _signal.Dispose();
}
