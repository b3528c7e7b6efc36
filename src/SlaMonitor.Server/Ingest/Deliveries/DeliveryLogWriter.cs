using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Ingest.Deliveries;

/// <summary>
/// Writes queued webhook outcomes to the database in bulk, gathering for <see cref="Gather"/> first: the log is
/// read by people, so a quarter of a second late costs nothing, while writing as soon as anything was queued
/// meant a write per request under single-event traffic (docs/benchmarks.md).
/// </summary>
public sealed class DeliveryLogWriter(DeliveryLog log, IServiceScopeFactory scopes, ILogger<DeliveryLogWriter> logger) : BackgroundService
{
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(250);
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.Pending.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Gather, stoppingToken);
                await WriteQueuedAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued by now is still written below.
        }

        await WriteQueuedAsync();
    }

    private async Task WriteQueuedAsync()
    {
        while (TakeQueued() is { Count: > 0 } batch)
        {
            await WriteAsync(batch);
        }
    }

    private List<WebhookDelivery> TakeQueued()
    {
        var batch = new List<WebhookDelivery>(BatchSize);
        while (batch.Count < BatchSize && log.Pending.TryRead(out var delivery))
        {
            batch.Add(delivery);
        }

        return batch;
    }

    private async Task WriteAsync(List<WebhookDelivery> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await BulkInsert.AllOrNoneAsync(scope.ServiceProvider.GetRequiredService<SlaDbContext>(), batch, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Writing {Count} delivery log entries failed; they are lost from the log (the events themselves are not)", batch.Count);
        }
    }
}
