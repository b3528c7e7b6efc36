using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Ingest.Deliveries;

namespace SlaMonitor.Server.Scheduling;

/// <summary>
/// The hourly clean-up: deletes carrier webhook deliveries, alert notification deliveries and delivered (or given up) alerts older than Retention:DeliveryLogs, so the
/// two logs that grow with every request and every alert stay bounded. Events, promises and escalations are kept.
/// Carrier deliveries go by whole UTC days (those before the cutoff's midnight, so kept at least the retention), each
/// day first rolled up per carrier into WebhookDailyCounts in the same transaction: carrier scorecards outlive the log.
/// </summary>
public sealed class DeliveryLogCleanup(SlaDbContext db, RetentionOptions options, ILogger<DeliveryLogCleanup> logger) : IRecurringWork
{
    Task IRecurringWork.RunAsync(Instant now, CancellationToken ct) => CleanAsync(now, ct);

    public async Task<int> CleanAsync(Instant now, CancellationToken ct)
    {
        var cutoff = (now - Duration.FromTimeSpan(options.DeliveryLogs)).ToDateTimeUtc();
        var midnight = cutoff.Date;
        int webhooks;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await DeliveryLogRollup.RollUpBeforeAsync(db, midnight, ct);
            webhooks = await db.WebhookDeliveries.Where(d => d.ReceivedAt < midnight).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var notifications = await db.NotificationDeliveries.Where(d => d.At < cutoff).ExecuteDeleteAsync(ct);
        notifications += await db.Alerts.Where(a => (a.State == AlertStates.Sent || a.State == AlertStates.Failed || a.State == AlertStates.Dropped) && a.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        if (webhooks + notifications > 0)
        {
            logger.LogInformation(
                "Deleted {Webhooks} carrier deliveries and {Notifications} notification deliveries older than {Cutoff:o}", webhooks, notifications, cutoff);
        }

        return webhooks + notifications;
    }
}
