using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Replay;

/// <summary>
/// Looks at the server after each drained instant: the stored status of every open scored promise (the board's AT_RISK),
/// and the engine's probability at that very instant, folded from the stored events by the server's own code (cached per
/// promise revision, so a look costs one query unless something changed).
/// </summary>
public sealed class WarningRecorder(IServiceProvider services, Instant scoreFrom, Instant scoreUntil)
{
    private static readonly string[] OpenStatuses = [PromiseStatuses.OnTrack, PromiseStatuses.AtRisk, PromiseStatuses.Paused, PromiseStatuses.Breached];
    private readonly Dictionary<string, (int Revision, PromiseState State)> _folded = new(StringComparer.Ordinal);

    public Dictionary<string, ScoredPromise> Scored { get; } = new(StringComparer.Ordinal);

    /// <summary>The latest deadline among scored promises still open at the last look (null when none is).</summary>
    public Instant? LatestOpenDeadline { get; private set; }

    public async Task ObserveAsync(Instant now, bool isTick, IReadOnlyCollection<string> pickedUpNow, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var (from, until) = (scoreFrom.ToDateTimeUtc(), scoreUntil.ToDateTimeUtc());
        var open = await db.Promises.AsNoTracking()
            .Where(p => OpenStatuses.Contains(p.Status) && p.OpenedAt >= from && p.OpenedAt < until)
            .Select(p => new { p.TicketRef, p.Status, p.Revision, p.OpenedAt, p.Deadline })
            .ToListAsync(ct);
        LatestOpenDeadline = open.Count == 0 ? null : Instant.FromDateTimeUtc(open.Max(p => p.Deadline));
        var stale = open.Where(p => !_folded.TryGetValue(p.TicketRef, out var f) || f.Revision != p.Revision).ToList();
        if (stale.Count > 0)
        {
            await FoldAsync(db, stale.ConvertAll(p => (p.TicketRef, p.Revision)), ct);
        }

        var lanes = scope.ServiceProvider.GetRequiredService<LaneStatisticsStore>().Current;
        foreach (var p in open)
        {
            var deadline = Instant.FromDateTimeUtc(p.Deadline);
            if (!Scored.TryGetValue(p.TicketRef, out var scored))
            {
                scored = new ScoredPromise(p.TicketRef, Instant.FromDateTimeUtc(p.OpenedAt));
                Scored[p.TicketRef] = scored;
            }

            scored.Deadline = deadline;
            if (now >= deadline)
            {
                continue;
            }

            var atRisk = p.Status == PromiseStatuses.AtRisk;
            if (atRisk && scored.FirstWarning is null)
            {
                scored.FirstWarning = now;
            }

            if (pickedUpNow.Contains(p.TicketRef))
            {
                scored.PickedUpAt = now;
                scored.AtRiskAtPickup = atRisk;
            }

            if (_folded.TryGetValue(p.TicketRef, out var folded))
            {
                var evaluation = SlaEvaluator.Evaluate(folded.State, now, lanes);
                scored.Observations.Add(new Observation(
                    now, evaluation.ProbabilityLate, (evaluation.Risks & ~RiskSignals.ProbabilityOverThreshold) != RiskSignals.None, isTick));
            }
        }
    }

    /// <summary>Reads the outcome of every scored promise (those closed between looks included).</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var (from, until) = (scoreFrom.ToDateTimeUtc(), scoreUntil.ToDateTimeUtc());
        var all = await db.Promises.AsNoTracking()
            .Where(p => p.OpenedAt >= from && p.OpenedAt < until)
            .Select(p => new { p.TicketRef, p.Status, p.OpenedAt, p.Deadline, p.ClosedAt })
            .ToListAsync(ct);
        foreach (var p in all)
        {
            if (!Scored.TryGetValue(p.TicketRef, out var scored))
            {
                scored = new ScoredPromise(p.TicketRef, Instant.FromDateTimeUtc(p.OpenedAt));
                Scored[p.TicketRef] = scored;
            }

            scored.Status = p.Status;
            scored.Deadline = Instant.FromDateTimeUtc(p.Deadline);
            scored.ClosedAt = p.ClosedAt is { } closed ? Instant.FromDateTimeUtc(closed) : null;
        }
    }

    private async Task FoldAsync(SlaDbContext db, List<(string TicketRef, int Revision)> promises, CancellationToken ct)
    {
        var refs = promises.ConvertAll(p => p.TicketRef);
        var events = await PromiseEvents.LoadManyAsync(db, refs, ct);
        var corrections = await PromiseCorrections.LoadManyAsync(db, refs, ct);
        var stored = await db.Promises.AsNoTracking().Where(p => refs.Contains(p.TicketRef))
            .Select(p => new { p.TicketRef, p.ServiceLevel, p.PolicyVersion, p.SiteCode }).ToDictionaryAsync(p => p.TicketRef, ct);
        var configuration = new JudgingConfiguration(db, services.GetRequiredService<PolicyVersionCache>());
        foreach (var (ticketRef, revision) in promises)
        {
            var p = stored[ticketRef];
            if (events.GetValueOrDefault(ticketRef) is { } ticketEvents && PromiseFolding.Opened(ticketEvents) is { } opened
                && await configuration.PolicyAsync(p.ServiceLevel, p.PolicyVersion, ct) is { } policy
                && await configuration.SiteAsync(p.SiteCode, ct) is { } site)
            {
                _folded[ticketRef] = (revision, PromiseFolding.Fold(opened, ticketEvents, policy, site, corrections.GetValueOrDefault(ticketRef)));
            }
        }
    }
}
