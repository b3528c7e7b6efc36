using NodaTime;
using Quartz;

namespace SlaMonitor.Server.Maintenance;

/// <summary>The recurring clean-up (Quartz): delivery logs past their retention; errors are logged and the next run retries.</summary>
[DisallowConcurrentExecution]
public sealed class CleanUpJob(DeliveryLogCleanup cleanup, IClock clock, ILogger<CleanUpJob> logger) : IJob
{
    public static readonly JobKey Key = new("clean-up", "maintenance");
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await cleanup.CleanAsync(clock.GetCurrentInstant(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Clean-up failed; the next run retries");
        }
    }
}
