using Quartz;

namespace SlaMonitor.Server.Scheduling;

/// <summary>
/// Catch-up: a safety net behind the wake-up dispatcher, claiming due wake-ups through the same path
/// (so nothing is processed twice). Runs every Scheduling:EvaluateEverySeconds.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EvaluateDuePromisesJob(WakeupProcessor processor, ILogger<EvaluateDuePromisesJob> logger) : IJob
{
    public static readonly JobKey Key = new("evaluate-due-promises", "promises");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await processor.ProcessDue(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Catching up on due wake-ups failed; the next run retries");
        }
    }
}
