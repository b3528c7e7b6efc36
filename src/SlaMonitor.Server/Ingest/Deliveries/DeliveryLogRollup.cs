using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Deliveries;

/// <summary>
/// Rolls the delivery log's whole UTC days before a midnight up into <see cref="WebhookDailyCount"/>, one row per carrier
/// and day. Counts are set from the raw rows, never added, so running it again (or on a second worker after the first)
/// writes the same numbers; the caller deletes those days' raw rows in the same transaction.
/// </summary>
public static class DeliveryLogRollup
{
    public static async Task<int> RollUpBeforeAsync(SlaDbContext db, DateTime midnight, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = SqlDialect.Of(db).UtcDay("\"ReceivedAt\"");
        var sql = $"""
            SELECT "CarrierCode", {day} AS "Day", CAST(COUNT(*) AS INTEGER) AS "Requests",
              CAST(SUM(CASE WHEN "StatusCode" <> 202 THEN 1 ELSE 0 END) AS INTEGER) AS "Rejected",
              CAST(SUM("Accepted") AS INTEGER) AS "AcceptedEvents", CAST(SUM("Duplicates") AS INTEGER) AS "Duplicates"
            FROM "WebhookDeliveries" WHERE "ReceivedAt" < {"{0}"} GROUP BY "CarrierCode", {day}
            """;
        var counts = await db.Database.SqlQueryRaw<DayCount>(sql, midnight).ToListAsync(ct);
        var days = counts.Select(c => Parse(c.Day)).Distinct().ToList();
        var existing = await db.WebhookDailyCounts.Where(d => days.Contains(d.Day)).ToDictionaryAsync(d => (d.Day, d.CarrierCode), ct);
        foreach (var count in counts)
        {
            var key = (Parse(count.Day), count.CarrierCode);
            if (!existing.TryGetValue(key, out var row))
            {
                row = new WebhookDailyCount { CarrierCode = count.CarrierCode, Day = key.Item1 };
                db.WebhookDailyCounts.Add(row);
            }

            (row.Requests, row.Rejected, row.AcceptedEvents, row.Duplicates) = (count.Requests, count.Rejected, count.AcceptedEvents, count.Duplicates);
        }

        await db.SaveChangesAsync(ct);
        return counts.Count;
    }

    private static DateTime Parse(string day) => DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>A carrier's day as the SQL returns it.</summary>
    internal sealed class DayCount
    {
        public string CarrierCode { get; init; } = "";

        public string Day { get; init; } = "";

        public int Requests { get; init; }

        public int Rejected { get; init; }

        public int AcceptedEvents { get; init; }

        public int Duplicates { get; init; }
    }
}
