using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Webhooks.Deliveries;

/// <summary>Writes queued webhook outcomes to the database in batches.</summary>
public sealed class DeliveryLogWriter(DeliveryLog log, IServiceScopeFactory scopes, ILogger<DeliveryLogWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WebhookDelivery>(BatchSize);
        while (await log.Pending.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && log.Pending.TryRead(out var delivery))
            {
                batch.Add(delivery);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
                db.WebhookDeliveries.AddRange(batch);
                await db.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Writing {Count} delivery log entries failed; they are lost from the log (the events themselves are not)", batch.Count);
            }

            batch.Clear();
        }
    }
}
