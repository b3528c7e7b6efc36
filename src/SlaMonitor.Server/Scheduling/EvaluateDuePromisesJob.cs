using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Server.Scheduling;

/// <summary>Re-evaluates promises whose answer changes with time alone (their NextEvaluationAt has come).</summary>
[DisallowConcurrentExecution]
public sealed class EvaluateDuePromisesJob(SlaDbContext db, PromiseProjector projector, IClock clock, ILogger<EvaluateDuePromisesJob> logger) : IJob
{
    public static readonly JobKey Key = new("evaluate-due-promises", "promises");
    private const int BatchSize = 500;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetCurrentInstant();
        var nowUtc = now.ToDateTimeUtc();
        try
        {
            var due = await db.Promises.AsNoTracking()
                .Where(p => p.NextEvaluationAt <= nowUtc)
                .OrderBy(p => p.NextEvaluationAt)
                .Select(p => p.TicketRef)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var ticketRef in due)
            {
                await RefreshOne(ticketRef, now, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Evaluating due promises failed; the next run retries");
        }
    }

    private async Task RefreshOne(string ticketRef, Instant now, CancellationToken ct)
    {
        try
        {
            await projector.Refresh(ticketRef, now, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A consumer re-derived the same promise meanwhile; its answer is at least as fresh.
            db.ChangeTracker.Clear();
        }
    }
}
