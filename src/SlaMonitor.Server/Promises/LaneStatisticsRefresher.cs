using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// Rebuilds the lane statistics the engine predicts with from recently closed promises
/// (re-folded from their events), at start-up and then hourly. Every worker process keeps its
/// own copy, so this is a hosted service per process, not a (clustered, run-once) Quartz job.
/// A closed promise teaches the same until it is re-derived (its revision moves) or its site changes, so what each
/// one taught is kept between rebuilds and only new or changed promises are re-folded.
/// </summary>
public sealed class LaneStatisticsRefresher(IServiceScopeFactory scopes, LaneStatisticsStore store, IClock clock, ILogger<LaneStatisticsRefresher> logger)
    : BackgroundService
{
    /// <summary>How often the statistics are rebuilt (the replay tool rebuilds them at this period in virtual time).</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private const int MaxPromises = 50_000;
    private const int ChunkSize = 500;
    private static readonly Duration Window = Duration.FromDays(180);
    private Dictionary<string, Taught> _taught = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            await RebuildOnce(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RebuildOnce(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var builder = await Build(scope.ServiceProvider.GetRequiredService<SlaDbContext>(), ct);
            store.Replace(builder.Build());
            logger.LogInformation("Lane statistics rebuilt: {Lanes} lanes", store.Current.LaneCount);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Rebuilding lane statistics failed; the previous statistics stay in use");
        }
    }

    private async Task<LaneStatisticsBuilder> Build(SlaDbContext db, CancellationToken ct)
    {
        var since = (clock.GetCurrentInstant() - Window).ToDateTimeUtc();
        var closed = await db.Promises.AsNoTracking()
            .Where(p => (p.Status == PromiseStatuses.Met || p.Status == PromiseStatuses.Missed) && p.ClosedAt >= since)
            .OrderByDescending(p => p.ClosedAt)
            .Take(MaxPromises)
            .Select(p => new Closed(p.TicketRef, p.SiteCode, p.ServiceLevel, p.PolicyVersion, p.Revision))
            .ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var policies = await db.Policies.AsNoTracking().ToDictionaryAsync(p => (p.ServiceLevel, p.Version), ct);
        var taught = new Dictionary<string, Taught>(closed.Count, StringComparer.Ordinal);
        foreach (var promise in closed)
        {
            if (_taught.TryGetValue(promise.TicketRef, out var known) && sites.TryGetValue(promise.SiteCode, out var site)
                && known.Revision == promise.Revision && known.PolicyVersion == promise.PolicyVersion && known.Site == SiteShape.Of(site))
            {
                taught[promise.TicketRef] = known;
            }
        }

        foreach (var chunk in closed.Where(p => !taught.ContainsKey(p.TicketRef)).Chunk(ChunkSize))
        {
            var refs = chunk.Select(p => p.TicketRef).ToList();
            var events = (await db.Events.AsNoTracking().Where(e => refs.Contains(e.TicketRef!)).ToListAsync(ct))
                .ToLookup(e => e.TicketRef!);
            var corrections = await PromiseCorrections.LoadManyAsync(db, refs, ct); // a voided scan is no sample of the lane
            foreach (var promise in chunk)
            {
                var sorted = events[promise.TicketRef].Order(Comparer<StoredEvent>.Create(TimelineOrder.Compare)).ToList();
                if (PromiseFolding.Opened(sorted) is { } opened
                    && sites.TryGetValue(promise.SiteCode, out var site)
                    && policies.TryGetValue((promise.ServiceLevel, promise.PolicyVersion), out var policy))
                {
                    var state = PromiseFolding.Fold(opened, sorted, policy, site, corrections.GetValueOrDefault(promise.TicketRef));
                    taught[promise.TicketRef] = new Taught(promise.Revision, promise.PolicyVersion, SiteShape.Of(site), LaneStatisticsBuilder.Observe(state));
                }
            }
        }

        _taught = taught; // promises gone out of the window are forgotten
        var builder = new LaneStatisticsBuilder();
        foreach (var promise in closed)
        {
            foreach (var observation in taught.GetValueOrDefault(promise.TicketRef)?.Observations ?? [])
            {
                builder.Add(observation);
            }
        }

        return builder;
    }

    private sealed record Closed(string TicketRef, string SiteCode, string ServiceLevel, int PolicyVersion, int Revision);

    private sealed record Taught(int Revision, int PolicyVersion, SiteShape Site, IReadOnlyList<StageObservation> Observations);

    /// <summary>What a fold takes from the site (its region is the lane's destination; zone and calendar measure the
    /// budget), compared by value: a site saved twice within one clock tick still counts as changed.</summary>
    private sealed record SiteShape(string Region, string TimeZone, string CalendarJson)
    {
        public static SiteShape Of(Site site) => new(site.Region, site.TimeZone, site.CalendarJson);
    }
}
