using NodaTime;

namespace SlaMonitor.Server.Common;

/// <summary>Work that a recurring Quartz job does at a given instant (expiry, clean-up, digest).</summary>
public interface IRecurringWork
{
    Task RunAsync(Instant now, CancellationToken ct);
}
