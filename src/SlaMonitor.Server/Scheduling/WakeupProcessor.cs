using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Server.Scheduling;

/// <summary>
/// Claims due wake-ups (promise re-evaluations and escalation climbs / re-notifications), oldest first, and
/// processes them. A claim is one UPDATE that moves the wake-up ahead by the lease and stamps this claim's
/// token, guarded by "still due": of several workers racing for a row exactly one wins, and a worker that dies
/// leaves the row due again once the lease has passed.
/// </summary>
public sealed class WakeupProcessor(IServiceScopeFactory scopes, PersistenceOptions persistence, IClock clock, IOptions<WakeupOptions> options, ILogger<WakeupProcessor> logger)
{
    /// <summary>Processes one batch of each kind; returns how many wake-ups were handled.</summary>
    public async Task<int> ProcessDue(CancellationToken ct)
    {
        var promises = await ClaimPromises(ct);
        var escalations = await ClaimEscalations(ct);
        var settings = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(Split(promises), settings, async (chunk, token) => await RefreshChunk(chunk, token));
        await Parallel.ForEachAsync(escalations, settings, async (id, token) =>
            await InScope(scope => scope.GetRequiredService<EscalationWaker>().Wake(id, clock.GetCurrentInstant(), token), id.ToString(), retryOnConflict: true));
        return promises.Count + escalations.Count;
    }

    /// <summary>
    /// One chunk per parallel lane (one in all on SQLite, which takes a writer at a time): a promise's wake-up is a
    /// re-derivation, and re-deriving many in one pass shares the queries and the save.
    /// </summary>
    private IEnumerable<string[]> Split(List<string> promises)
    {
        var lanes = persistence.IsServerDatabase ? options.Value.Parallelism : 1;
        return promises.Count == 0 ? [] : promises.Chunk((promises.Count + lanes - 1) / lanes);
    }

    /// <summary>A chunk that loses a race with another writer (a promise's concurrency token) is redone promise by promise.</summary>
    private async Task RefreshChunk(string[] chunk, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PromiseProjector>().RefreshMany(chunk, clock.GetCurrentInstant(), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var ticketRef in chunk)
            {
                await InScope(scope => scope.GetRequiredService<PromiseProjector>().Refresh(ticketRef, clock.GetCurrentInstant(), ct), ticketRef);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Wake-ups of {Count} promises failed; they come due again after the lease", chunk.Length);
        }
    }

    /// <summary>The earliest wake-up in the database, due or not.</summary>
    public async Task<Instant?> NextDue(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var promise = await db.Promises.Where(p => p.NextEvaluationAt != null).MinAsync(p => p.NextEvaluationAt, ct);
        var escalation = await db.Escalations.Where(e => e.NextNotifyAt != null).MinAsync(e => e.NextNotifyAt, ct);
        var next = (promise, escalation) switch
        {
            (null, null) => (DateTime?)null,
            (null, var e) => e,
            (var p, null) => p,
            var (p, e) => p < e ? p : e,
        };
        return next is { } utc ? Instant.FromDateTimeUtc(utc) : null;
    }

    private async Task<List<string>> ClaimPromises(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var now = clock.GetCurrentInstant();
        var nowUtc = now.ToDateTimeUtc();
        var due = await db.Promises.AsNoTracking().Where(p => p.NextEvaluationAt <= nowUtc)
            .OrderBy(p => p.NextEvaluationAt).Select(p => p.TicketRef).Take(options.Value.BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return due;
        }

        var token = Guid.NewGuid();
        var lease = (now + Duration.FromTimeSpan(options.Value.Lease)).ToDateTimeUtc();
        await db.Promises.Where(p => due.Contains(p.TicketRef) && p.NextEvaluationAt <= nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NextEvaluationAt, lease).SetProperty(p => p.WakeupClaim, token), ct);
        var won = (await db.Promises.AsNoTracking().Where(p => due.Contains(p.TicketRef) && p.WakeupClaim == token)
            .Select(p => p.TicketRef).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return due.Where(won.Contains).ToList();
    }

    private async Task<List<Guid>> ClaimEscalations(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var now = clock.GetCurrentInstant();
        var nowUtc = now.ToDateTimeUtc();
        var due = await db.Escalations.AsNoTracking().Where(e => e.NextNotifyAt <= nowUtc)
            .OrderBy(e => e.NextNotifyAt).Select(e => e.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return due;
        }

        var token = Guid.NewGuid();
        var lease = (now + Duration.FromTimeSpan(options.Value.Lease)).ToDateTimeUtc();
        // A claim, not a change (EscalationTransitions makes those): the revision moves so that a person's change
        // read before the claim is refused as concurrent instead of racing the waker.
        await db.Escalations.Where(e => due.Contains(e.Id) && e.NextNotifyAt <= nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextNotifyAt, lease).SetProperty(e => e.WakeupClaim, token).SetProperty(e => e.Revision, e => e.Revision + 1), ct);
        var won = (await db.Escalations.AsNoTracking().Where(e => due.Contains(e.Id) && e.WakeupClaim == token)
            .Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        return due.Where(won.Contains).ToList();
    }

    /// <param name="retryOnConflict">
    /// A promise re-derived by another writer meanwhile is at least as fresh, so a conflict ends its wake-up. An
    /// escalation changed meanwhile (its promise's status) still owes its ladder step, so that wake-up is retried.
    /// </param>
    private async Task InScope(Func<IServiceProvider, Task> work, string what, bool retryOnConflict = false)
    {
        const int attempts = 3;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await work(scope.ServiceProvider);
                    return;
                }
                catch (DbUpdateConcurrencyException) when (retryOnConflict && attempt < attempts)
                {
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer re-derived it meanwhile; its answer is at least as fresh.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Wake-up {What} failed; it comes due again after the lease", what);
        }
    }
}
