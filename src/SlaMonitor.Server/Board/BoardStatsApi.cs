using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Reports;

namespace SlaMonitor.Server.Board;

/// <summary>
/// Attainment (met / (met + missed), by closing time) per day of the viewer's time zone for the last 14 days (the reports'
/// <see cref="AttainmentQuery"/>, grouped by day),
/// with today and this week (from Monday); breaches prevented and the median alert lead time of the escalations
/// (as <c>GET /api/v1/escalations/metrics</c> counts them), with the same filters.
/// </summary>
public static class BoardStatsApi
{
    public const int Days = 14;

    public sealed record Day(string Date, int Met, int Missed);

    public sealed record Stats(string TimeZone, IReadOnlyList<Day> Days, Day Today, Day Week, int BreachesPrevented, string? MedianAlertLead);

    public static void MapBoardStats(this IEndpointRouteBuilder app) =>
        app.MapGet("/board/api/stats", GetStats).WithTags("Board").RequireAuthorization(Roles.ReaderPolicy)
            .WithSummary("Attainment per day in the viewer's time zone (tz), filtered like the board.");

    private static async Task<Stats> GetStats(
        SlaDbContext db, IClock clock, ClaimsPrincipal user, CancellationToken ct, string? tz = null,
        string? region = null, string? customer = null, string? carrier = null, string? serviceLevel = null)
    {
        var zone = SiteTime.Zone(tz ?? "UTC");
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var first = today.PlusDays(1 - Days);
        var visible = CustomerScope.Of(user).Customers?.ToArray();
        var range = new ReportRange(zone.AtStartOfDay(first).ToInstant(), zone.AtStartOfDay(today.PlusDays(1)).ToInstant(), zone);
        var request = new AttainmentRequest(range, [], ReportPeriod.Day, new AttainmentFilter(customer, carrier, region, serviceLevel, VisibleCustomers: visible));
        var byDay = new Dictionary<string, AttainmentRow>(StringComparer.Ordinal);
        await foreach (var row in AttainmentQuery.RunAsync(db, request, ct))
        {
            byDay[row.Key["day"]!] = row;
        }

        var days = Enumerable.Range(0, Days).Select(i => first.PlusDays(i).ToString("yyyy-MM-dd", null))
            .Select(d => byDay.TryGetValue(d, out var r) ? new Day(d, r.Met, r.Missed) : new Day(d, 0, 0))
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
