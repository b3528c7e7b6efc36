using NodaTime;
using Quartz;

namespace SlaMonitor.Server.Ingest.Parked;

/// <summary>Expires parked events past their maximum age; errors are logged and the next run tries again.</summary>
[DisallowConcurrentExecution]
public sealed class ExpireParkedEventsJob(ParkedEventExpiry expiry, IClock clock, ILogger<ExpireParkedEventsJob> logger) : IJob
{
    public static readonly JobKey Key = new("expire-parked-events", "ingest");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await expiry.ExpireAsync(clock.GetCurrentInstant(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Expiring parked events failed; the next run retries");
        }
    }
}
