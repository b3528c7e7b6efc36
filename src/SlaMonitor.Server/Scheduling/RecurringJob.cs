using NodaTime;
using Quartz;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Scheduling;

/// <summary>Runs <typeparamref name="TWork"/> (resolved in the job's scope); errors are logged and the next firing tries again.</summary>
[DisallowConcurrentExecution]
public sealed class RecurringJob<TWork>(TWork work, IClock clock, ILogger<RecurringJob<TWork>> logger) : IJob
    where TWork : IRecurringWork
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await work.RunAsync(clock.GetCurrentInstant(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Work} failed; the next run retries", typeof(TWork).Name);
        }
    }
}
