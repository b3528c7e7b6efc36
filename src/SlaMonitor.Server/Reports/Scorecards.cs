using System.Xml;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The carrier scorecards of a range, each with the previous period of equal length for its trend. A handful of
/// grouped statements per period (<see cref="ScorecardSql"/>); percentiles are taken by PostgreSQL, and on SQLite and
/// SQL Server from the durations read in order (one number per scan, fine for the embedded database's volumes).
/// There is one row per carrier, so the rows are gathered before they are written.
/// </summary>
public static class Scorecards
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(15);

    /// <param name="visibleCustomers">Null: every promise and the webhook figures; else only these customers' promises and no webhook figures.</param>
    public static async Task<List<CarrierScorecard>> RunAsync(SlaDbContext db, ReportRange range, IReadOnlyCollection<string>? visibleCustomers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(range);
        var length = range.To - range.From;
        var current = await PeriodAsync(db, range, visibleCustomers, ct);
        var previous = await PeriodAsync(db, range with { From = range.From - length, To = range.From }, visibleCustomers, ct);
        return current.Keys.Union(previous.Keys).Order(StringComparer.Ordinal)
            .Select(carrier => Row(carrier, current.GetValueOrDefault(carrier) ?? new(), previous.GetValueOrDefault(carrier) ?? new()))
            .ToList();
    }

    private static CarrierScorecard Row(string carrier, Figures now, Figures before)
    {
        var trend = new ScorecardTrend(before.Promises, before.OnTime, before.ExceptionsPer100, before.LateShare, before.RejectionsPer1000);
        return new CarrierScorecard(
            carrier, now.Promises, (int)now.Counts.Met, (int)now.Counts.Missed, (int)now.Counts.Cancelled, now.OnTime, (int)now.Events.Shipments,
            now.Durations("pickup"), (int)now.Events.Holds, now.Durations("hold"), Iso(now.Of("gap")?.P95),
            now.ExceptionsPer100, Ratio(now.Events.Delays, now.Events.Shipments, 100, 2), (int)now.Events.Events, now.LateShare,
            (int?)now.Webhooks?.Requests, (int?)now.Webhooks?.Rejected, now.RejectionsPer1000,
            trend, now.Promises - before.Promises, now.OnTime - before.OnTime is { } change ? Math.Round(change, 4) : null);
    }

    private static async Task<Dictionary<string, Figures>> PeriodAsync(
        SlaDbContext db, ReportRange range, IReadOnlyCollection<string>? visibleCustomers, CancellationToken ct)
    {
        var dialect = SqlDialect.Of(db);
        var sql = new ScorecardSql(dialect, range, visibleCustomers);
        var parameters = sql.Parameters.ToArray();
        var figures = new Dictionary<string, Figures>(StringComparer.Ordinal);
        Figures Of(string carrier) => figures.TryGetValue(carrier, out var f) ? f : figures[carrier] = new();

        foreach (var row in await db.Database.SqlQueryRaw<PromiseCounts>(sql.Promises, parameters).ToListAsync(ct))
        {
            Of(row.Carrier).Counts = row;
        }

        foreach (var row in await db.Database.SqlQueryRaw<EventCounts>(sql.Events, parameters).ToListAsync(ct))
        {
            Of(row.Carrier).Events = row;
        }

        foreach (var row in await DistributionsAsync(db, sql, dialect, parameters, ct))
        {
            Of(row.Carrier).Distributions.Add(row);
        }

        if (visibleCustomers is null)
        {
            foreach (var row in await db.Database.SqlQueryRaw<WebhookCounts>(ScorecardSql.Webhooks, parameters[..2]).ToListAsync(ct))
            {
                Of(row.Carrier).Webhooks = row;
            }

            foreach (var f in figures.Values)
            {
                f.Webhooks ??= new WebhookCounts();
            }
        }

        return figures;
    }

    private static async Task<List<Distribution>> DistributionsAsync(SlaDbContext db, ScorecardSql sql, SqlDialect dialect, object[] parameters, CancellationToken ct)
    {
        if (dialect.HasPercentiles)
        {
            return await db.Database.SqlQueryRaw<Distribution>(sql.DurationPercentiles, parameters).ToListAsync(ct);
        }

        var durations = await db.Database.SqlQueryRaw<DurationRow>(sql.Durations, parameters).ToListAsync(ct);
        return durations.GroupBy(d => (d.Carrier, d.Metric)).Select(g =>
        {
            var sorted = g.Select(d => d.Seconds).Order().ToList();
            return new Distribution
            {
                Carrier = g.Key.Carrier, Metric = g.Key.Metric, Count = sorted.Count,
                P50 = Percentile.Of(sorted, 0.5), P90 = Percentile.Of(sorted, 0.9), P95 = Percentile.Of(sorted, 0.95),
            };
        }).ToList();
    }

    private static double? Ratio(long part, long whole, int per, int digits) => whole == 0 ? null : Math.Round((double)part * per / whole, digits);

    private static string? Iso(double? seconds) => seconds is { } s ? XmlConvert.ToString(TimeSpan.FromSeconds(Math.Round(s))) : null;

    /// <summary>What the statements returned for one carrier in one period.</summary>
    private sealed class Figures
    {
        public PromiseCounts Counts { get; set; } = new();

        public EventCounts Events { get; set; } = new();

        public List<Distribution> Distributions { get; } = [];

        public WebhookCounts? Webhooks { get; set; }

        public int Promises => (int)(Counts.Met + Counts.Missed + Counts.Cancelled);

        public double? OnTime => Ratio(Counts.Met, Counts.Met + Counts.Missed, 1, 4);

        public double? ExceptionsPer100 => Ratio(Events.Exceptions, Events.Shipments, 100, 2);

        public double? LateShare => Ratio(Events.Late, Events.Events, 1, 4);

        public double? RejectionsPer1000 => Webhooks is { } w ? Ratio(w.Rejected, w.Requests, 1000, 2) : null;

        public Distribution? Of(string metric) => Distributions.FirstOrDefault(d => d.Metric == metric);

        public Durations Durations(string metric) =>
            Of(metric) is { } d ? new Durations((int)d.Count, Iso(d.P50), Iso(d.P90)) : new Durations(0, null, null);
    }

    internal sealed class PromiseCounts
    {
        public string Carrier { get; init; } = "";

        public long Met { get; init; }

        public long Missed { get; init; }

        public long Cancelled { get; init; }
    }

    internal sealed class EventCounts
    {
        public string Carrier { get; init; } = "";

        public long Events { get; init; }

        public long Late { get; init; }

        public long Exceptions { get; init; }

        public long Delays { get; init; }

        public long Holds { get; init; }

        public long Shipments { get; init; }
    }

    internal sealed class DurationRow
    {
        public string Carrier { get; init; } = "";

        public string Metric { get; init; } = "";

        public double Seconds { get; init; }
    }

    internal sealed class Distribution
    {
        public string Carrier { get; init; } = "";

        public string Metric { get; init; } = "";

        public long Count { get; init; }

        public double? P50 { get; init; }

        public double? P90 { get; init; }

        public double? P95 { get; init; }
    }

    internal sealed class WebhookCounts
    {
        public string Carrier { get; init; } = "";

        public long Requests { get; init; }

        public long Rejected { get; init; }
    }
}
