using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// Rebuilds the lane statistics the engine predicts with from recently closed promises and the open ones as censored
/// samples, each weighted by how recently it opened (<see cref="PredictionOptions"/>; re-folded from their events), at
/// start-up and then hourly. Every worker process keeps its
/// own copy, so this is a hosted service per process, not a (clustered, run-once) Quartz job.
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
            .Select(p => new Listed(p.TicketRef, p.SiteCode, p.ServiceLevel, p.PolicyVersion, p.OpenedAt, p.ClosedAt))
            .ToListAsync(ct);
        var open = !options.CountOpenPromises ? [] : await db.Promises.AsNoTracking()
            .Where(p => OpenStatuses.Contains(p.Status) && p.OpenedAt >= since)
            .OrderByDescending(p => p.OpenedAt)
            .Take(MaxPromises)
            .Select(p => new Listed(p.TicketRef, p.SiteCode, p.ServiceLevel, p.PolicyVersion, p.OpenedAt, null))
            .ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var policies = await db.Policies.AsNoTracking().ToDictionaryAsync(p => (p.ServiceLevel, p.Version), ct);
        var builder = new LaneStatisticsBuilder();
        foreach (var chunk in closed.Concat(open).Chunk(ChunkSize))
        {
            var refs = chunk.Select(p => p.TicketRef).ToList();
            var events = (await db.Events.AsNoTracking().Where(e => refs.Contains(e.TicketRef!)).ToListAsync(ct))
                .ToLookup(e => e.TicketRef!);
            var corrections = await PromiseCorrections.LoadManyAsync(db, refs, ct); // a voided scan is no sample of the lane
            foreach (var promise in chunk)
            {
                var sorted = events[promise.TicketRef].Order(Comparer<StoredEvent>.Create(TimelineOrder.Compare)).ToList();
                if (PromiseFolding.Opened(sorted) is not { } opened
                    || !sites.TryGetValue(promise.SiteCode, out var site)
                    || !policies.TryGetValue((promise.ServiceLevel, promise.PolicyVersion), out var policy))
                {
                    continue;
                }

                var state = PromiseFolding.Fold(opened, sorted, policy, site, corrections.GetValueOrDefault(promise.TicketRef));
                var weight = RecencyWeight.Of(Instant.FromDateTimeUtc(DateTime.SpecifyKind(promise.OpenedAt, DateTimeKind.Utc)), now, options.HalfLife);
                if (promise.ClosedAt is null)
                {
                    builder.AddOpen(state, now, weight);
                }
                else
                {
                    builder.Add(state, weight);
                }
            }
        }

        return builder;
    }

    private sealed record Listed(string TicketRef, string SiteCode, string ServiceLevel, int PolicyVersion, DateTime OpenedAt, DateTime? ClosedAt);
}
