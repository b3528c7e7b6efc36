using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// Rebuilds the lane statistics the engine predicts with from recently closed promises and the open ones as censored
/// samples, each weighted by how recently it opened (<see cref="PredictionOptions"/>; re-folded from their events), at
/// start-up and then hourly. Every worker process keeps its own copy, so this is a hosted service per process, not a
/// (clustered, run-once) Quartz job. A promise folds the same until it is re-derived (its revision moves) or its site
/// changes, so each one's fold is kept between rebuilds (what a closed one taught; an open one's state, whose censored
/// samples depend on the hour) and only new or changed promises are read and folded again.
/// </summary>
public sealed class LaneStatisticsRefresher(
    IServiceScopeFactory scopes, LaneStatisticsStore store, IClock clock, PredictionOptions options, ILogger<LaneStatisticsRefresher> logger)
    : BackgroundService
{
    /// <summary>How often the statistics are rebuilt (the replay tool rebuilds them at this period in virtual time).</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private const int MaxPromises = 50_000;
    private const int ChunkSize = 500;
    private static readonly Duration Window = Duration.FromDays(180);
    private static readonly string[] OpenStatuses = [PromiseStatuses.OnTrack, PromiseStatuses.AtRisk, PromiseStatuses.Breached, PromiseStatuses.Paused];
    private Dictionary<string, Folded> _folded = new(StringComparer.Ordinal);

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
        var now = clock.GetCurrentInstant();
        var since = (now - Window).ToDateTimeUtc();
        var closed = await db.Promises.AsNoTracking()
            .Where(p => (p.Status == PromiseStatuses.Met || p.Status == PromiseStatuses.Missed) && p.ClosedAt >= since)
            .OrderByDescending(p => p.ClosedAt)
            .Take(MaxPromises)
            .Select(p => new Listed(p.TicketRef, p.SiteCode, p.ServiceLevel, p.PolicyVersion, p.Revision, p.OpenedAt, p.ClosedAt))
            .ToListAsync(ct);
        var open = !options.CountOpenPromises ? [] : await db.Promises.AsNoTracking()
            .Where(p => OpenStatuses.Contains(p.Status) && p.OpenedAt >= since)
            .OrderByDescending(p => p.OpenedAt)
            .Take(MaxPromises)
            .Select(p => new Listed(p.TicketRef, p.SiteCode, p.ServiceLevel, p.PolicyVersion, p.Revision, p.OpenedAt, null))
            .ToListAsync(ct);
        var listed = closed.Concat(open).ToList();
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var policies = await db.Policies.AsNoTracking().ToDictionaryAsync(p => (p.ServiceLevel, p.Version), ct);
        var folded = new Dictionary<string, Folded>(listed.Count, StringComparer.Ordinal);
        foreach (var promise in listed)
        {
            if (_folded.TryGetValue(promise.TicketRef, out var known) && sites.TryGetValue(promise.SiteCode, out var site) && known.Matches(promise, site))
            {
                folded[promise.TicketRef] = known;
            }
        }

        foreach (var chunk in listed.Where(p => !folded.ContainsKey(p.TicketRef)).Chunk(ChunkSize))
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
                    folded[promise.TicketRef] = promise.ClosedAt is null
                        ? new Folded(promise.Revision, promise.PolicyVersion, SiteShape.Of(site), [], state)
                        : new Folded(promise.Revision, promise.PolicyVersion, SiteShape.Of(site), LaneStatisticsBuilder.Observe(state), null);
                }
            }
        }

        _folded = folded; // promises gone out of the window are forgotten
        var builder = new LaneStatisticsBuilder();
        foreach (var promise in listed)
        {
            if (!folded.TryGetValue(promise.TicketRef, out var one))
            {
                continue;
            }

            var weight = RecencyWeight.Of(Instant.FromDateTimeUtc(DateTime.SpecifyKind(promise.OpenedAt, DateTimeKind.Utc)), now, options.HalfLife);
            if (one.OpenState is { } state)
            {
                builder.AddOpen(state, now, weight);
            }
            else
            {
                foreach (var observation in one.Observations)
                {
                    builder.Add(observation, weight);
                }
            }
        }

        return builder;
    }

    private sealed record Listed(string TicketRef, string SiteCode, string ServiceLevel, int PolicyVersion, int Revision, DateTime OpenedAt, DateTime? ClosedAt);

    /// <summary>A promise's fold at a revision: what it taught once closed, or its state while open.</summary>
    private sealed record Folded(int Revision, int PolicyVersion, SiteShape Site, IReadOnlyList<StageObservation> Observations, PromiseState? OpenState)
    {
        public bool Matches(Listed promise, Site site) =>
            Revision == promise.Revision && PolicyVersion == promise.PolicyVersion && Site == SiteShape.Of(site) && (OpenState is null) == (promise.ClosedAt is not null);
    }

    /// <summary>What a fold takes from the site (its region is the lane's destination; zone and calendar measure the
    /// budget), compared by value: a site saved twice within one clock tick still counts as changed.</summary>
    private sealed record SiteShape(string Region, string TimeZone, string CalendarJson)
    {
        public static SiteShape Of(Site site) => new(site.Region, site.TimeZone, site.CalendarJson);
    }
}
