using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Board;

/// <summary>
/// Attainment (met / (met + missed), by closing time) per day of the viewer's time zone for the last 14 days,
/// with today and this week (from Monday); breaches prevented and the median alert lead time of the escalations
/// (as <c>GET /api/v1/escalations/metrics</c> counts them), with the same filters.
/// </summary>
public static class BoardStatsApi
{
    public const int Days = 14;

    public sealed record Day(string Date, int Met, int Missed);

    public sealed record Stats(string TimeZone, IReadOnlyList<Day> Days, Day Today, Day Week, int BreachesPrevented, string? MedianAlertLead);

    public static void MapBoardStats(this IEndpointRouteBuilder app) =>
        app.MapGet("/board/api/stats", GetStats).WithTags("Board").WithName("getBoardStats").RequireAuthorization(Roles.ReaderPolicy)
            .WithSummary("Attainment per day in the viewer's time zone (tz), filtered like the board.");

    private static async Task<Stats> GetStats(
        SlaDbContext db, IClock clock, ClaimsPrincipal user, CancellationToken ct, string? tz = null,
        string? region = null, string? customer = null, string? carrier = null, string? serviceLevel = null)
    {
        var zone = SiteTime.Zone(tz ?? "UTC");
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var first = today.PlusDays(1 - Days);
        var since = first.AtStartOfDayInZone(zone).ToDateTimeUtc();
        string[] closed = [PromiseStatuses.Met, PromiseStatuses.Missed];
        var visible = CustomerScope.Of(user).Customers?.ToArray();
        var query = from p in db.Promises.AsNoTracking()
                    where closed.Contains(p.Status) && p.ClosedAt >= since
                    join s in db.Sites.AsNoTracking() on p.SiteCode equals s.Code
                    select new { p, s.Region };
        query = visible is null ? query : query.Where(x => visible.Contains(x.p.CustomerCode));
        query = region is null ? query : query.Where(x => x.Region == region);
        query = customer is null ? query : query.Where(x => x.p.CustomerCode == customer);
        query = carrier is null ? query : query.Where(x => x.p.CarrierCode == carrier);
        query = serviceLevel is null ? query : query.Where(x => x.p.ServiceLevel == serviceLevel);
        var rows = await query.Select(x => new { x.p.ClosedAt, x.p.Status }).ToListAsync(ct);
        var byDay = rows.GroupBy(r => Instant.FromDateTimeUtc(r.ClosedAt!.Value).InZone(zone).Date)
            .ToDictionary(g => g.Key, g => (Met: g.Count(r => r.Status == PromiseStatuses.Met), Missed: g.Count(r => r.Status == PromiseStatuses.Missed)));
        var days = Enumerable.Range(0, Days).Select(i => first.PlusDays(i))
            .Select(d => byDay.TryGetValue(d, out var c) ? new Day(d.ToString("yyyy-MM-dd", null), c.Met, c.Missed) : new Day(d.ToString("yyyy-MM-dd", null), 0, 0))
            .ToList();
        var monday = today.PlusDays(-((int)today.DayOfWeek - (int)IsoDayOfWeek.Monday));
        var week = days.Where(d => string.CompareOrdinal(d.Date, monday.ToString("yyyy-MM-dd", null)) >= 0).ToList();
        var escalations = db.Escalations.AsNoTracking();
        escalations = visible is null ? escalations : escalations.Where(e => visible.Contains(e.CustomerCode));
        escalations = region is null ? escalations : escalations.Where(e => e.Region == region);
        escalations = customer is null ? escalations : escalations.Where(e => e.CustomerCode == customer);
        escalations = carrier is null ? escalations : escalations.Where(e => e.CarrierCode == carrier);
        escalations = serviceLevel is null ? escalations : escalations.Where(e => e.ServiceLevel == serviceLevel);
        var metrics = await EscalationViews.MetricsAsync(db, escalations, ct);
        return new Stats(
            zone.Id, days, days[^1], new Day(monday.ToString("yyyy-MM-dd", null), week.Sum(d => d.Met), week.Sum(d => d.Missed)),
            metrics.BreachesPrevented, metrics.MedianLeadTime);
    }
}
