using System.Globalization;
using System.Text;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The attainment query as one SQL statement that PostgreSQL, SQLite and SQL Server all read (standard SQL, "quoted"
/// names, window functions): EF's LINQ has no window functions, and the median must be found in the database so that a
/// million promises are never read into the process. Each closed promise gets its group key K0…K4 (the dimensions asked
/// for, in order) and its period number (a binary search over the periods' first instants, so a week crossing a DST
/// change ends where the calendar says); counts and sums are grouped, the median is the middle row (or the two middle
/// rows) of each group ordered by margin. Every value is a parameter ({n}, bound by EF); names come from a fixed list.
/// </summary>
public static class AttainmentSql
{
    public const int MaxKeys = 5;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        [ReportDimensions.Customer] = "p.\"CustomerCode\"",
        [ReportDimensions.Region] = "s.\"Region\"",
        [ReportDimensions.Carrier] = "COALESCE(p.\"CarrierCode\", '')",
        [ReportDimensions.ServiceLevel] = "p.\"ServiceLevel\"",
        [ReportDimensions.Site] = "p.\"SiteCode\"",
    };

    private static readonly string[] LostColumns = ["LostCustomer", "LostCustoms", "LostCarrier", "LostWeather", "LostOther"];

    public static (string Sql, object[] Parameters) Build(AttainmentRequest request, IReadOnlyList<DateTime> periodStarts)
    {
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
              CAST(COUNT(CASE WHEN f."Status" = 'MET' THEN 1 END) AS BIGINT) AS "Met",
              CAST(COUNT(CASE WHEN f."Status" = 'MISSED' THEN 1 END) AS BIGINT) AS "Missed",
              CAST(COUNT(CASE WHEN f."Status" = 'CANCELLED' THEN 1 END) AS BIGINT) AS "Cancelled", {sums}
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
              g."LostCustomer", g."LostCustoms", g."LostCarrier", g."LostWeather", g."LostOther", m."Low", m."High"
            FROM ({groups}) g LEFT JOIN ({middles}) m ON {on}
            ORDER BY {order}
            """;
        return (sql, parameters.ToArray());
    }

    private static string Facts(AttainmentRequest request, IReadOnlyList<DateTime> periodStarts, List<object> parameters)
    {
        var keys = string.Join("", request.Dimensions.Select((d, i) => $"{Columns[d]} AS \"K{i}\", "));
        var period = PeriodNumber(periodStarts, 1, periodStarts.Count - 1, parameters);
        var where = new StringBuilder("p.\"Status\" IN ('MET', 'MISSED', 'CANCELLED') AND p.\"ClosedAt\" >= {0} AND p.\"ClosedAt\" < {1}");
        var filter = request.Filter;
        Equal(where, "p.\"CustomerCode\"", filter.Customer, parameters);
        Equal(where, "p.\"CarrierCode\"", filter.Carrier, parameters);
        Equal(where, "s.\"Region\"", filter.Region, parameters);
        Equal(where, "p.\"ServiceLevel\"", filter.ServiceLevel, parameters);
        Equal(where, "p.\"SiteCode\"", filter.Site, parameters);
        if (filter.VisibleCustomers is { } visible)
        {
            where.Append(visible.Count == 0
                ? " AND 1 = 0"
                : $" AND p.\"CustomerCode\" IN ({string.Join(", ", visible.Select(c => Parameter(c, parameters)))})");
        }

        return $"""
            SELECT {keys}{period} AS "Period", p."Status", p."MarginSeconds", p."LostCustomerSeconds" AS "LostCustomer",
              p."LostCustomsSeconds" AS "LostCustoms", p."LostCarrierSeconds" AS "LostCarrier", p."LostWeatherSeconds" AS "LostWeather",
              p."LostOtherSeconds" AS "LostOther"
            FROM "Promises" p INNER JOIN "Sites" s ON s."Code" = p."SiteCode" WHERE {where}
            """;
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
        return $"CASE WHEN p.\"ClosedAt\" < {Parameter(starts[middle], parameters)} THEN {below} ELSE {above} END";
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
