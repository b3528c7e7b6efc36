using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Scheduling;

/// <summary>
/// The hourly clean-up: deletes carrier webhook deliveries, alert notification deliveries and delivered (or given up) alerts older than Retention:DeliveryLogs, so the
/// two logs that grow with every request and every alert stay bounded. Events, promises and escalations are kept.
/// </summary>
public sealed class DeliveryLogCleanup(SlaDbContext db, RetentionOptions options, ILogger<DeliveryLogCleanup> logger) : IRecurringWork
{
    Task IRecurringWork.RunAsync(Instant now, CancellationToken ct) => CleanAsync(now, ct);

    public async Task<int> CleanAsync(Instant now, CancellationToken ct)
    {
        var cutoff = (now - Duration.FromTimeSpan(options.DeliveryLogs)).ToDateTimeUtc();
        var webhooks = await db.WebhookDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
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
