using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Scheduling;

/// <summary>The hourly clean-up of the audit log: entries older than Retention:Audit are deleted, newer ones kept.</summary>
public sealed class AuditLogCleanup(SlaDbContext db, RetentionOptions options, ILogger<AuditLogCleanup> logger) : IRecurringWork
{
    Task IRecurringWork.RunAsync(Instant now, CancellationToken ct) => CleanAsync(now, ct);

    public async Task<int> CleanAsync(Instant now, CancellationToken ct)
    {
        var cutoff = (now - Duration.FromTimeSpan(options.Audit)).ToDateTimeUtc();
        var deleted = await db.AuditLog.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} audit entries older than {Cutoff:o}", deleted, cutoff);
        }

        return deleted;
    }
}
