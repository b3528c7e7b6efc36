using System.Globalization;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The carrier scorecard's statements, in SQL that PostgreSQL, SQLite and SQL Server all read but for the few
/// expressions of <see cref="SqlDialect"/>. Each runs over the promises closed in [{0}, {1}) (of the visible customers
/// when the caller is restricted) and the accepted events of those promises. Every value is a parameter.
/// </summary>
public sealed class ScorecardSql
{
    private readonly SqlDialect _dialect;
    private readonly string _closed;

    public ScorecardSql(SqlDialect dialect, ReportRange range, IReadOnlyCollection<string>? visibleCustomers)
    {
        ArgumentNullException.ThrowIfNull(range);
        _dialect = dialect;
        Parameters = [range.From.ToDateTimeUtc(), range.To.ToDateTimeUtc()];
        var visible = visibleCustomers switch
        {
            null => "",
            { Count: 0 } => " AND 1 = 0",
            _ => $" AND p.\"CustomerCode\" IN ({string.Join(", ", visibleCustomers.Select(Parameter))})",
        };
        _closed = $"""
            SELECT p."TicketRef", COALESCE(p."CarrierCode", '') AS "CarrierCode", p."Status" FROM "Promises" p
            WHERE p."Status" IN ('MET', 'MISSED', 'CANCELLED') AND p."ClosedAt" >= {"{0}"} AND p."ClosedAt" < {"{1}"}{visible}
            """;
    }

    public List<object> Parameters { get; }

    /// <summary>Per carrier (Promise.CarrierCode: the carrier of its shipment events): met, missed, cancelled.</summary>
    public string Promises => $"""
        SELECT c."CarrierCode" AS "Carrier", CAST(COUNT(CASE WHEN c."Status" = 'MET' THEN 1 END) AS BIGINT) AS "Met",
          CAST(COUNT(CASE WHEN c."Status" = 'MISSED' THEN 1 END) AS BIGINT) AS "Missed",
          CAST(COUNT(CASE WHEN c."Status" = 'CANCELLED' THEN 1 END) AS BIGINT) AS "Cancelled"
        FROM ({_closed}) c GROUP BY c."CarrierCode"
        """;

    /// <summary>Per sender of events on those promises: events, late ones (received over 15 min after they occurred), exceptions, delays, customs holds, shipments.</summary>
    public string Events => $"""
        SELECT e."CarrierCode" AS "Carrier", CAST(COUNT(*) AS BIGINT) AS "Events",
          CAST(COUNT(CASE WHEN {_dialect.Seconds("e.\"OccurredAt\"", "e.\"ReceivedAt\"")} > {Scorecards.LateAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture)} THEN 1 END) AS BIGINT) AS "Late",
          CAST(COUNT(CASE WHEN e."Kind" = 'shipment' AND e."Code" = 'EXCEPTION' THEN 1 END) AS BIGINT) AS "Exceptions",
          CAST(COUNT(CASE WHEN e."Kind" = 'shipment' AND e."Code" = 'DELAYED' THEN 1 END) AS BIGINT) AS "Delays",
          CAST(COUNT(CASE WHEN e."Kind" = 'customs' AND e."Code" = 'HELD' THEN 1 END) AS BIGINT) AS "Holds",
          CAST(COUNT(DISTINCT CASE WHEN e."Kind" = 'shipment' THEN e."TicketRef" END) AS BIGINT) AS "Shipments"
        FROM {Applied} GROUP BY e."CarrierCode"
        """;

    /// <summary>
    /// Durations in seconds, one row each, as (Carrier, Metric, Seconds): "pickup" (a ticket's first PICKED_UP to its first
    /// DELIVERED from that carrier), "hold" (customs HELD to the next RELEASED from that broker), "gap" (between consecutive
    /// shipment events of a ticket from that carrier, in occurrence order).
    /// </summary>
    public string Durations
    {
        get
        {
            var pickedUp = "MIN(CASE WHEN e.\"Code\" = 'PICKED_UP' THEN e.\"OccurredAt\" END)";
            var delivered = "MIN(CASE WHEN e.\"Code\" = 'DELIVERED' THEN e.\"OccurredAt\" END)";
            var previous = "LAG(e.\"OccurredAt\") OVER (PARTITION BY e.\"CarrierCode\", e.\"TicketRef\" ORDER BY e.\"OccurredAt\", e.\"Id\")";
            return $"""
                SELECT d."Carrier", d."Metric", d."Seconds" FROM (
                  SELECT e."CarrierCode" AS "Carrier", 'pickup' AS "Metric", {_dialect.Seconds(pickedUp, delivered)} AS "Seconds"
                  FROM {Applied} AND e."Kind" = 'shipment' GROUP BY e."CarrierCode", e."TicketRef"
                  UNION ALL
                  SELECT h."Carrier", 'hold', h."Seconds" FROM (
                    SELECT e."CarrierCode" AS "Carrier", e."Code",
                      LAG(e."Code") OVER (PARTITION BY e."CarrierCode", e."TicketRef" ORDER BY e."OccurredAt", e."Id") AS "Before",
                      {_dialect.Seconds(previous, "e.\"OccurredAt\"")} AS "Seconds"
                    FROM {Applied} AND e."Kind" = 'customs' AND e."Code" IN ('HELD', 'RELEASED')) h
                  WHERE h."Code" = 'RELEASED' AND h."Before" = 'HELD'
                  UNION ALL
                  SELECT g."Carrier", 'gap', g."Seconds" FROM (
                    SELECT e."CarrierCode" AS "Carrier", {_dialect.Seconds(previous, "e.\"OccurredAt\"")} AS "Seconds"
                    FROM {Applied} AND e."Kind" = 'shipment') g
                ) d WHERE d."Seconds" >= 0
                """;
        }
    }

    /// <summary>Percentiles in the database (PostgreSQL): the same continuous percentile as <see cref="Percentile"/>.</summary>
    public string DurationPercentiles => $"""
        SELECT f."Carrier", f."Metric", CAST(COUNT(*) AS BIGINT) AS "Count",
          percentile_cont(0.5) WITHIN GROUP (ORDER BY f."Seconds") AS "P50", percentile_cont(0.9) WITHIN GROUP (ORDER BY f."Seconds") AS "P90",
          percentile_cont(0.95) WITHIN GROUP (ORDER BY f."Seconds") AS "P95"
        FROM ({Durations}) f GROUP BY f."Carrier", f."Metric"
        """;

    /// <summary>Webhook requests and rejections in the range: the delivery log's rows, plus the roll-up of the UTC days whose rows it deleted.</summary>
    public static string Webhooks => """
        SELECT w."CarrierCode" AS "Carrier", CAST(SUM(w."Requests") AS BIGINT) AS "Requests", CAST(SUM(w."Rejected") AS BIGINT) AS "Rejected" FROM (
          SELECT d."CarrierCode", 1 AS "Requests", CASE WHEN d."StatusCode" <> 202 THEN 1 ELSE 0 END AS "Rejected"
          FROM "WebhookDeliveries" d WHERE d."ReceivedAt" >= {0} AND d."ReceivedAt" < {1}
          UNION ALL
          SELECT r."CarrierCode", r."Requests", r."Rejected" FROM "WebhookDailyCounts" r WHERE r."Day" >= {0} AND r."Day" < {1}
        ) w GROUP BY w."CarrierCode"
        """;

    private string Applied => $"""
        "Events" e INNER JOIN ({_closed}) c ON c."TicketRef" = e."TicketRef" WHERE e."RefusedReason" IS NULL
        """;

    private string Parameter(string value)
    {
        Parameters.Add(value);
        return "{" + (Parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }
}
