using System.Globalization;
using System.Text;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The attainment query as one SQL statement that PostgreSQL, SQLite and SQL Server all read (standard SQL, "quoted"
/// names, window functions): EF's LINQ has no window functions, and the median must be found in the database so that a
/// million promises are never read into the process. Each closed promise gets its group key K0…K4 (the dimensions asked
/// for, in order) and its period number (a binary search over the periods' first instants, so a week crossing a DST
/// change ends where the calendar says); counts and sums are grouped, the median is the middle row (or the two middle
/// rows) of each group ordered by margin. Every value is a parameter ({n}, bound by EF); names come from a fixed list.
/// Both statements read <c>ClosedPromises</c>, the narrow row kept for each closed promise, not the wide promise rows.
/// </summary>
public static class AttainmentSql
{
    public const int MaxKeys = 5;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        [ReportDimensions.Customer] = "c.\"CustomerCode\"",
        [ReportDimensions.Region] = "c.\"Region\"",
        [ReportDimensions.Carrier] = "COALESCE(c.\"CarrierCode\", '')",
        [ReportDimensions.ServiceLevel] = "c.\"ServiceLevel\"",
        [ReportDimensions.Site] = "c.\"SiteCode\"",
    };

    private static readonly string[] LostColumns = ["LostCustomer", "LostCustoms", "LostCarrier", "LostWeather", "LostOther"];

    public static (string Sql, object[] Parameters) Build(AttainmentRequest request, IReadOnlyList<DateTime> periodStarts, bool postgres = false)
    {
        if (postgres)
        {
            return BuildPostgres(request, periodStarts);
        }

        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(periodStarts);
        var parameters = new List<object> { request.Range.From.ToDateTimeUtc(), request.Range.To.ToDateTimeUtc() };
        var keys = Enumerable.Range(0, request.Dimensions.Count).Select(i => $"\"K{i}\"").ToList();
        var facts = Facts(request, periodStarts, parameters);
        var grouped = string.Join(", ", keys.Select(k => "f." + k).Append("f.\"Period\""));
        var allKeys = Enumerable.Range(0, MaxKeys).Select(i => i < keys.Count ? $"f.\"K{i}\"" : $"'' AS \"K{i}\"");
        var sums = string.Join(", ", LostColumns.Select(c => $"CAST(SUM(f.\"{c}\") AS BIGINT) AS \"{c}\""));
        var groups = $"""
            SELECT {string.Join(", ", allKeys)}, f."Period",
              CAST(COUNT(CASE WHEN f."Status" = {ClosedStatuses.Met} THEN 1 END) AS BIGINT) AS "Met",
              CAST(COUNT(CASE WHEN f."Status" = {ClosedStatuses.Missed} THEN 1 END) AS BIGINT) AS "Missed",
              CAST(COUNT(CASE WHEN f."Status" = {ClosedStatuses.Cancelled} THEN 1 END) AS BIGINT) AS "Cancelled", {sums}
            FROM ({facts}) f GROUP BY {grouped}
            """;
        var middles = $"""
            SELECT {grouped.Replace("f.", "r.", StringComparison.Ordinal)}, MIN(r."MarginSeconds") AS "Low", MAX(r."MarginSeconds") AS "High" FROM (
              SELECT {grouped}, f."MarginSeconds",
                ROW_NUMBER() OVER (PARTITION BY {grouped} ORDER BY f."MarginSeconds") AS "Rank",
                COUNT(*) OVER (PARTITION BY {grouped}) AS "N"
              FROM ({facts}) f WHERE f."MarginSeconds" IS NOT NULL) r
            WHERE r."Rank" IN ((r."N" + 1) / 2, (r."N" + 2) / 2)
            GROUP BY {grouped.Replace("f.", "r.", StringComparison.Ordinal)}
            """;
        var on = string.Join(" AND ", keys.Append("\"Period\"").Select(k => $"g.{k} = m.{k}"));
        var order = string.Join(", ", keys.Append("\"Period\"").Select(k => "g." + k));
        var sql = $"""
            SELECT g."K0", g."K1", g."K2", g."K3", g."K4", g."Period", g."Met", g."Missed", g."Cancelled",
              g."LostCustomer", g."LostCustoms", g."LostCarrier", g."LostWeather", g."LostOther", CAST(m."Low" + m."High" AS FLOAT) / 2 AS "Median"
            FROM ({groups}) g LEFT JOIN ({middles}) m ON {on}
            ORDER BY {order}
            """;
        return (sql, parameters.ToArray());
    }

    /// <summary>
    /// PostgreSQL's own dialect, a third of the time of the portable statement: one pass, the period by width_bucket over
    /// the periods' first instants, the median by percentile_cont (the mean of the two middle values for an even count).
    /// The rows are sorted for grouping by period first: a small number settles most comparisons, where sorting by the
    /// customer first compared the whole text of every pair of the same customer's rows; the few grouped rows are then
    /// put in the report's order (keys, then period). See docs/benchmarks.md.
    /// </summary>
    private static (string Sql, object[] Parameters) BuildPostgres(AttainmentRequest request, IReadOnlyList<DateTime> periodStarts)
    {
        var parameters = new List<object> { request.Range.From.ToDateTimeUtc(), request.Range.To.ToDateTimeUtc() };
        var period = periodStarts.Count > 1 ? $"width_bucket(c.\"ClosedAt\", {Parameter(periodStarts.Skip(1).ToArray(), parameters)})" : "0";
        var where = Where(request.Filter, parameters);
        var keys = Enumerable.Range(0, MaxKeys).Select(i => i < request.Dimensions.Count ? $"{Columns[request.Dimensions[i]]} AS \"K{i}\"" : $"'' AS \"K{i}\"");
        var keyNumbers = Enumerable.Range(1, request.Dimensions.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var periodFirst = string.Join(", ", keyNumbers.Prepend($"{MaxKeys + 1}"));
        var sql = $"""
            SELECT * FROM (
              SELECT {string.Join(", ", keys)}, {period} AS "Period",
                COUNT(*) FILTER (WHERE c."Status" = {ClosedStatuses.Met}) AS "Met", COUNT(*) FILTER (WHERE c."Status" = {ClosedStatuses.Missed}) AS "Missed",
                COUNT(*) FILTER (WHERE c."Status" = {ClosedStatuses.Cancelled}) AS "Cancelled",
                SUM(c."LostCustomerSeconds")::bigint AS "LostCustomer", SUM(c."LostCustomsSeconds")::bigint AS "LostCustoms",
                SUM(c."LostCarrierSeconds")::bigint AS "LostCarrier", SUM(c."LostWeatherSeconds")::bigint AS "LostWeather",
                SUM(c."LostOtherSeconds")::bigint AS "LostOther", percentile_cont(0.5) WITHIN GROUP (ORDER BY c."MarginSeconds") AS "Median"
              FROM "ClosedPromises" c WHERE {where}
              GROUP BY {periodFirst} ORDER BY {periodFirst}) g
            ORDER BY {string.Join(", ", keyNumbers.Append($"{MaxKeys + 1}"))}
            """;
        return (sql, parameters.ToArray());
    }

    private static string Facts(AttainmentRequest request, IReadOnlyList<DateTime> periodStarts, List<object> parameters)
    {
        var keys = string.Join("", request.Dimensions.Select((d, i) => $"{Columns[d]} AS \"K{i}\", "));
        var period = PeriodNumber(periodStarts, 1, periodStarts.Count - 1, parameters);
        var where = Where(request.Filter, parameters);
        return $"""
            SELECT {keys}{period} AS "Period", c."Status", c."MarginSeconds", c."LostCustomerSeconds" AS "LostCustomer",
              c."LostCustomsSeconds" AS "LostCustoms", c."LostCarrierSeconds" AS "LostCarrier", c."LostWeatherSeconds" AS "LostWeather",
              c."LostOtherSeconds" AS "LostOther"
            FROM "ClosedPromises" c WHERE {where}
            """;
    }

    private static StringBuilder Where(AttainmentFilter filter, List<object> parameters)
    {
        var where = new StringBuilder("c.\"ClosedAt\" >= {0} AND c.\"ClosedAt\" < {1}");
        Equal(where, "c.\"CustomerCode\"", filter.Customer, parameters);
        Equal(where, "c.\"CarrierCode\"", filter.Carrier, parameters);
        Equal(where, "c.\"Region\"", filter.Region, parameters);
        Equal(where, "c.\"ServiceLevel\"", filter.ServiceLevel, parameters);
        Equal(where, "c.\"SiteCode\"", filter.Site, parameters);
        if (filter.VisibleCustomers is { } visible)
        {
            where.Append(visible.Count == 0
                ? " AND 1 = 0"
                : $" AND c.\"CustomerCode\" IN ({string.Join(", ", visible.Select(c => Parameter(c, parameters)))})");
        }

        return where;
    }

    /// <summary>The number of the period holding ClosedAt among periods first..last: a CASE tree log2(periods) deep.</summary>
    private static string PeriodNumber(IReadOnlyList<DateTime> starts, int first, int last, List<object> parameters)
    {
        if (first > last)
        {
            return (first - 1).ToString(CultureInfo.InvariantCulture);
        }

        var middle = (first + last + 1) / 2;
        var below = PeriodNumber(starts, first, middle - 1, parameters);
        var above = PeriodNumber(starts, middle + 1, last, parameters);
        return $"CASE WHEN c.\"ClosedAt\" < {Parameter(starts[middle], parameters)} THEN {below} ELSE {above} END";
    }

    private static void Equal(StringBuilder where, string column, string? value, List<object> parameters)
    {
        if (value is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} = {Parameter(value, parameters)}");
        }
    }

    private static string Parameter(object value, List<object> parameters)
    {
        parameters.Add(value);
        return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }
}
