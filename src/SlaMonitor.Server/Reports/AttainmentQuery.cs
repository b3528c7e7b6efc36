using System.Runtime.CompilerServices;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The one attainment query: the API, its CSV, the weekly email and the board's tiles all read it. Rows stream in the
/// database's order (group keys, then period), so a report of any size is written as it is read.
/// </summary>
public static class AttainmentQuery
{
    public static async IAsyncEnumerable<AttainmentRow> RunAsync(SlaDbContext db, AttainmentRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var range = request.Range;
        var starts = ReportPeriods.Starts(range.From, range.To, range.Zone, request.Period);
        var (sql, parameters) = AttainmentSql.Build(request, starts.Select(d => range.Zone.AtStartOfDay(d).ToDateTimeUtc()).ToList());
        var periodName = request.Period == ReportPeriod.None ? null : ReportDimensions.Name(request.Period);
        await foreach (var row in db.Database.SqlQueryRaw<Group>(sql, parameters).AsAsyncEnumerable().WithCancellation(ct))
        {
            var key = new Dictionary<string, string?>(StringComparer.Ordinal);
            string?[] values = [row.K0, row.K1, row.K2, row.K3, row.K4];
            for (var i = 0; i < request.Dimensions.Count; i++)
            {
                key[request.Dimensions[i]] = string.IsNullOrEmpty(values[i]) ? null : values[i];
            }

            if (periodName is not null)
            {
                key[periodName] = ReportPeriods.Label(starts[row.Period], request.Period);
            }

            yield return new AttainmentRow(
                key, (int)row.Met, (int)row.Missed, (int)row.Cancelled,
                row.Met + row.Missed == 0 ? null : Math.Round((double)row.Met / (row.Met + row.Missed), 4),
                new LostTime(Iso(row.LostCustomer), Iso(row.LostCustoms), Iso(row.LostCarrier), Iso(row.LostWeather), Iso(row.LostOther)),
                row.Low is { } low && row.High is { } high ? XmlConvert.ToString(TimeSpan.FromSeconds((low + high) / 2.0)) : null);
        }
    }

    private static string Iso(long seconds) => XmlConvert.ToString(TimeSpan.FromSeconds(seconds));

    /// <summary>A row as the SQL returns it.</summary>
    internal sealed class Group
    {
        public string? K0 { get; init; }

        public string? K1 { get; init; }

        public string? K2 { get; init; }

        public string? K3 { get; init; }

        public string? K4 { get; init; }

        public int Period { get; init; }

        public long Met { get; init; }

        public long Missed { get; init; }

        public long Cancelled { get; init; }

        public long LostCustomer { get; init; }

        public long LostCustoms { get; init; }

        public long LostCarrier { get; init; }

        public long LostWeather { get; init; }

        public long LostOther { get; init; }

        public long? Low { get; init; }

        public long? High { get; init; }
    }
}
