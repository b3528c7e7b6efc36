using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Promises;

/// <summary>What a correction's audit entry shows of the promise before it: its status, deadline and closing.</summary>
public sealed record AuditedPromise(string Status, DateTimeOffset Deadline, DateTimeOffset? ClosedAt)
{
    public static AuditedPromise Of(Promise p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Status, new DateTimeOffset(p.Deadline, TimeSpan.Zero), p.ClosedAt is { } closed ? new DateTimeOffset(closed, TimeSpan.Zero) : null);
    }
}
