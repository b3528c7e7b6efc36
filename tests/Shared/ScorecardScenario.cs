using System.Net;
using System.Text.Json.Nodes;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Tests.Shared;

/// <summary>
/// Carrier scorecards over [2026-11-02, 2026-11-09) UTC (previous period [2026-10-26, 2026-11-02)), with rows written
/// straight to the database so that occurred and received instants are exact, and the expected rows computed by hand.
/// <list type="bullet">
/// <item>FASTLANE carries P1 (met; scans 08:00, 09:00, 11:00), P2 (missed; 06:00, EXCEPTION 07:00 received 20 min late,
/// a late scan at 11:00 four hours on, delivered 12:00), P3 (met; 08:00, DELAYED 09:00, 10:00), P4 (cancelled, no
/// events); in the previous period Q1 and Q2 (met). P6 (met) closes at 2026-11-09T00:00Z, the range's end: not counted.
/// Pickup → delivered 3 h, 6 h, 2 h: median 3 h, p90 3 h + 0.8 × 3 h = 5 h 24 min. Gaps 1, 2, 1, 4, 1, 1, 1 h: p95 at
/// rank 5.7 = 2 h + 0.7 × 2 h = 3 h 24 min. 1 exception and 1 delay over 3 shipments: 33.33 per 100; 1 of 10 events late.
/// Webhook requests: 4 in the range of which one 422 (250 per 1,000), 2 in the previous period, a 400 at the range's end.</item>
/// <item>BROKERX, a customs broker, holds P2 08:00 → 10:00 and P3 08:30 → 09:30: two holds, median 1 h 30 min, p90
/// 1 h + 0.9 × 1 h = 1 h 54 min; 2 requests, none rejected.</item>
/// <item>SWIFT carries P5 (met; 08:00 → 09:30) for ACME and P7 (met, no events) for OTHERCO: an account manager of ACME
/// sees one promise and no webhook figures.</item>
/// </list>
/// </summary>
public static class ScorecardScenario
{
    public const string Range = "from=2026-11-02&to=2026-11-09";
    public const string OtherCustomer = "OTHERCO";

    /// <summary>The rows as <see cref="Describe"/> writes them, for an admin.</summary>
    public static readonly string[] Expected =
    [
        "BROKERX | 0 0 0 0 null | 0 0 null null | 2 2 PT1H30M PT1H54M | null null null | 4 0 | 2 0 0 | prev 0 null null null null | 0 null",
        "FASTLANE | 4 2 1 1 0.6667 | 3 3 PT3H PT5H24M | 0 0 null null | PT3H24M 33.33 33.33 | 10 0.1 | 4 1 250 | prev 2 1 null null 0 | 2 -0.3333",
        "SWIFT | 2 2 0 0 1 | 1 1 PT1H30M PT1H30M | 0 0 null null | PT1H30M 0 0 | 2 0 | 0 0 null | prev 0 null null null null | 2 null",
    ];

    public static void Seed(SlaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        Promise("P1", "FASTLANE", "MET", At(11, 3, 12));
        Promise("P2", "FASTLANE", "MISSED", At(11, 4, 12));
        Promise("P3", "FASTLANE", "MET", At(11, 5, 12));
        Promise("P4", "FASTLANE", "CANCELLED", At(11, 6, 12));
        Promise("P5", "SWIFT", "MET", At(11, 5, 12));
        Promise("P6", "FASTLANE", "MET", At(11, 9, 0));
        Promise("P7", "SWIFT", "MET", At(11, 6, 12), OtherCustomer);
        Promise("Q1", "FASTLANE", "MET", At(10, 28, 12));
        Promise("Q2", "FASTLANE", "MET", At(10, 29, 12));

        Scans("P1", "FASTLANE", ("PICKED_UP", At(11, 3, 8)), ("IN_TRANSIT", At(11, 3, 9)), ("DELIVERED", At(11, 3, 11)));
        Scans("P2", "FASTLANE", ("PICKED_UP", At(11, 4, 6)), ("EXCEPTION", At(11, 4, 7)), ("IN_TRANSIT", At(11, 4, 11)), ("DELIVERED", At(11, 4, 12)));
        Scans("P3", "FASTLANE", ("PICKED_UP", At(11, 5, 8)), ("DELAYED", At(11, 5, 9)), ("DELIVERED", At(11, 5, 10)));
        Scans("P5", "SWIFT", ("PICKED_UP", At(11, 5, 8)), ("DELIVERED", At(11, 5, 9).AddMinutes(30)));
        Scans("P2", "BROKERX", ("HELD", At(11, 4, 8)), ("RELEASED", At(11, 4, 10)));
        Scans("P3", "BROKERX", ("HELD", At(11, 5, 8).AddMinutes(30)), ("RELEASED", At(11, 5, 9).AddMinutes(30)));
        db.Events.Local.Single(e => e.TicketRef == "P2" && e.Code == "EXCEPTION").ReceivedAt = At(11, 4, 7).AddMinutes(20);

        Request("FASTLANE", At(11, 3, 10), 202);
        Request("FASTLANE", At(11, 4, 7).AddMinutes(20), 422);
        Request("FASTLANE", At(11, 5, 9), 202);
        Request("FASTLANE", At(11, 6, 9), 202);
        Request("FASTLANE", At(11, 9, 0), 400);
        Request("FASTLANE", At(10, 28, 10), 202);
        Request("FASTLANE", At(10, 29, 10), 202);
        Request("BROKERX", At(11, 4, 8), 202);
        Request("BROKERX", At(11, 5, 9).AddMinutes(30), 202);

        void Promise(string ticket, string carrier, string status, DateTime closedAt, string customer = TestSetup.Customer) => db.Promises.Add(new Promise
        {
            TicketRef = ticket, CustomerCode = customer, SiteCode = TestSetup.Site, ServiceLevel = TestSetup.ServiceLevel, PolicyVersion = 1,
            Status = status, OpenedAt = closedAt.AddHours(-6), Deadline = closedAt.AddHours(status == "MISSED" ? -1 : 1), ClosedAt = closedAt,
            ReasonsJson = "[]", CarrierCode = carrier, UpdatedAt = closedAt,
        });

        void Scans(string ticket, string carrier, params (string Code, DateTime At)[] events)
        {
            foreach (var (code, at) in events)
            {
                db.Events.Add(new StoredEvent
                {
                    CarrierCode = carrier, EventId = $"{ticket}-{code}", Kind = code is "HELD" or "RELEASED" ? "customs" : "shipment", Code = code,
                    OccurredAt = at, TicketRef = ticket, ReceivedAt = at.AddMinutes(1),
                });
            }
        }

        void Request(string carrier, DateTime at, int status) => db.WebhookDeliveries.Add(new WebhookDelivery
        {
            CarrierCode = carrier, ReceivedAt = at, StatusCode = status, Accepted = status == 202 ? 1 : 0, DetailsJson = "{}",
            Problem = status == 202 ? null : "Validation failed: occurredAt",
        });
    }

    /// <summary>The report's rows as "carrier | promises met missed cancelled onTime | shipments pickup→delivered | holds release | gap exceptions delays | events late | webhooks | prev … | changes".</summary>
    public static async Task<List<string>> RowsAsync(HttpClient client, string query = Range)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync($"/api/v1/reports/carriers?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["rows"]!.AsArray().Select(Describe).ToList();
    }

    public static string Describe(JsonNode? row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string V(JsonNode? node) => node?.ToString() ?? "null";
        var pickup = row["pickupToDelivered"]!;
        var release = row["customsRelease"]!;
        var previous = row["previous"]!;
        return $"{row["carrier"]} | {row["promises"]} {row["met"]} {row["missed"]} {row["cancelled"]} {V(row["onTime"])} | "
            + $"{row["shipments"]} {pickup["count"]} {V(pickup["median"])} {V(pickup["p90"])} | "
            + $"{row["customsHolds"]} {release["count"]} {V(release["median"])} {V(release["p90"])} | "
            + $"{V(row["scanGapP95"])} {V(row["exceptionsPer100"])} {V(row["delaysPer100"])} | {row["events"]} {V(row["lateEventShare"])} | "
            + $"{V(row["webhookRequests"])} {V(row["webhookRejected"])} {V(row["rejectionsPer1000"])} | "
            + $"prev {previous["promises"]} {V(previous["onTime"])} {V(previous["exceptionsPer100"])} {V(previous["lateEventShare"])} {V(previous["rejectionsPer1000"])} | "
            + $"{row["promisesChange"]} {V(row["onTimeChange"])}";
    }

    private static DateTime At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);
}
