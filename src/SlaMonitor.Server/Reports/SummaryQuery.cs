using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The executive summary: per customer, attainment of the promises closed in the range (the attainment query), the
/// escalations opened in it (with their promises' status now) and the promises breached and still open at its end (or
/// now if earlier); the same for the previous period of equal length; the worst lanes and the most common reasons.
/// </summary>
public static class SummaryQuery
{
    private const int Worst = 3;

    public static async Task<SummaryReport> RunAsync(SlaDbContext db, ReportRange range, AttainmentFilter filter, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(range);
        var previous = range with { From = range.From - (range.To - range.From), To = range.From };
        var (facts, escalations) = await PeriodAsync(db, range, filter, now, ct);
        var (before, _) = await PeriodAsync(db, previous, filter, now, ct);
        var rows = facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => Row(f.Key, f.Value, before.GetValueOrDefault(f.Key))).ToList();
        var lanes = await ReadAsync(AttainmentQuery.RunAsync(db, new AttainmentRequest(range, SummaryLanes.Dimensions, ReportPeriod.None, filter), ct));
        return new SummaryReport(
            Zoned(range.From, range), Zoned(range.To, range), range.Zone.Id, Zoned(previous.From, range), Zoned(Min(range.To, now), range),
            SummaryScore.Formula, Iso(SummaryScore.AcknowledgeTarget), SummaryLanes.MinVolume,
            rows, SummaryLanes.Worst(lanes, Worst), SummaryReasons.Top(escalations, Worst));
    }

    private static SummaryRow Row(string customer, SummaryFacts facts, SummaryFacts? before)
    {
        var points = SummaryScore.Points(facts);
        var score = SummaryScore.Of(points);
        double? previous = before is null ? null : SummaryScore.Of(SummaryScore.Points(before));
        return new SummaryRow(
            customer, score, previous, previous is { } p ? SummaryScore.Round((decimal)score - (decimal)p) : null, points, SummaryScore.Working(points),
            facts.Met, facts.Missed, Share(facts.Met, facts.Met + facts.Missed), facts.Escalations, facts.Settled, facts.Prevented,
            Share(facts.Prevented, facts.Settled), facts.Acknowledged, facts.MedianTimeToAcknowledge is { } m ? Iso(m) : null, facts.OpenBreaches);
    }

    private static async Task<(Dictionary<string, SummaryFacts> Facts, List<SummaryEscalation> Escalations)> PeriodAsync(
        SlaDbContext db, ReportRange range, AttainmentFilter filter, Instant now, CancellationToken ct)
    {
        var closed = (await ReadAsync(AttainmentQuery.RunAsync(db, new AttainmentRequest(range, [ReportDimensions.Customer], ReportPeriod.None, filter), ct)))
            .ToDictionary(r => r.Key.Customer!, StringComparer.Ordinal);
        var escalations = await EscalationsAsync(db, range, filter, ct);
        var open = await OpenBreachesAsync(db, Min(range.To, now).ToDateTimeUtc(), filter, ct);
        var customers = closed.Keys.Concat(escalations.Select(e => e.Customer)).Concat(open.Keys).Distinct(StringComparer.Ordinal);
        var byCustomer = escalations.ToLookup(e => e.Customer, StringComparer.Ordinal);
        var facts = customers.ToDictionary(c => c, c =>
        {
            var mine = byCustomer[c].ToList();
            var settled = mine.Where(e => e.PromiseStatus is PromiseStatuses.Met or PromiseStatuses.Missed).ToList();
            var acknowledged = mine.Where(e => e.AcknowledgedAt is not null).Select(e => e.AcknowledgedAt!.Value - e.OpenedAt).ToList();
            return new SummaryFacts(
                closed.GetValueOrDefault(c)?.Met ?? 0, closed.GetValueOrDefault(c)?.Missed ?? 0, mine.Count, settled.Count,
                settled.Count(e => e.PromiseStatus == PromiseStatuses.Met), acknowledged.Count, Median(acknowledged), open.GetValueOrDefault(c));
        }, StringComparer.Ordinal);
        return (facts, escalations);
    }

    private static async Task<List<SummaryEscalation>> EscalationsAsync(SlaDbContext db, ReportRange range, AttainmentFilter filter, CancellationToken ct)
    {
        var from = range.From.ToDateTimeUtc();
        var to = range.To.ToDateTimeUtc();
        var escalations = Scoped(db.Escalations.AsNoTracking().Where(e => e.OpenedAt >= from && e.OpenedAt < to), filter);
        return await (
            from e in escalations
            join p in db.Promises.AsNoTracking() on e.TicketRef equals p.TicketRef into promises
            from p in promises.DefaultIfEmpty()
            select new SummaryEscalation(e.CustomerCode, e.TicketRef, e.OpenedAt, e.AcknowledgedAt, e.ReasonKey, e.SiteCode, p == null ? null : p.Status))
            .ToListAsync(ct);
    }

    /// <summary>Promises opened before the instant whose deadline had passed and that were not closed by then, per customer.</summary>
    private static async Task<Dictionary<string, int>> OpenBreachesAsync(SlaDbContext db, DateTime at, AttainmentFilter filter, CancellationToken ct)
    {
        var promises = db.Promises.AsNoTracking().Where(p => p.OpenedAt < at && p.Deadline < at && (p.ClosedAt == null || p.ClosedAt > at));
        if (filter.Customer is { } customer)
        {
            promises = promises.Where(p => p.CustomerCode == customer);
        }

        if (filter.VisibleCustomers?.ToList() is { } visible)
        {
            promises = promises.Where(p => visible.Contains(p.CustomerCode));
        }

        return await promises.GroupBy(p => p.CustomerCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    private static IQueryable<Escalation> Scoped(IQueryable<Escalation> escalations, AttainmentFilter filter)
    {
        if (filter.Customer is { } customer)
        {
            escalations = escalations.Where(e => e.CustomerCode == customer);
        }

        return filter.VisibleCustomers?.ToList() is { } visible ? escalations.Where(e => visible.Contains(e.CustomerCode)) : escalations;
    }

    /// <summary>The median (the mean of the two middle values for an even count, as percentile_cont), to the second.</summary>
    private static TimeSpan? Median(List<TimeSpan> values) =>
        Percentile.Of(values.Select(v => v.TotalSeconds).Order().ToList(), 0.5) is { } seconds ? TimeSpan.FromSeconds(Math.Round(seconds)) : null;

    private static async Task<List<AttainmentRow>> ReadAsync(IAsyncEnumerable<AttainmentRow> rows)
    {
        var list = new List<AttainmentRow>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static DateTimeOffset Zoned(Instant instant, ReportRange range) => instant.InZone(range.Zone).ToDateTimeOffset();

    private static string Iso(TimeSpan value) => System.Xml.XmlConvert.ToString(value);
}
