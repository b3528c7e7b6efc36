using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace SlaMonitor.Tests.Shared;

/// <summary>
/// Promises closed around the end of summer time in Berlin (Sunday 25 October 2026, 03:00 CEST → 02:00 CET), posted through
/// the signed webhook, with the attainment rows computed by hand. The 4-hour elapsed policy pauses on customer holds.
/// In Europe/Berlin ISO week 43 runs from 2026-10-18T22:00Z to 2026-10-25T23:00Z (169 hours), week 44 from there.
/// <list type="bullet">
/// <item>A: closed 2026-10-25T02:30Z, 2 h early — week 43.</item>
/// <item>B: closed at 2026-10-25T23:00:00Z, the first instant of week 44, 1 h early.</item>
/// <item>C: customer hold of 1 h, closed 2026-10-25T22:30Z (23:30 CET on Sunday: week 43; in UTC too), 1 h 30 min early.</item>
/// <item>D: closed 2026-10-20T12:30Z, 30 min late — week 43, missed.</item>
/// <item>E: cancelled 2026-10-27T09:00Z — week 44.</item>
/// <item>F: closed 2026-10-18T21:59:59Z, one second before the range (2026-10-19 in Berlin) — not counted.</item>
/// <item>G: closed 2026-11-01T23:00:00Z, the range's end (2026-11-02 in Berlin, exclusive) — not counted.</item>
/// </list>
/// </summary>
public static class ReportScenario
{
    public const string From = "2026-10-19";
    public const string To = "2026-11-02";
    public const string Zone = "Europe/Berlin";

    public static readonly string[] Tickets = ["RPT-A", "RPT-B", "RPT-C", "RPT-D", "RPT-E", "RPT-F", "RPT-G"];

    public static async Task PostAsync(HttpClient client, Instant signedAt)
    {
        ArgumentNullException.ThrowIfNull(client);
        var events = new List<JsonObject>();
        void Closed(string ticket, Instant opened, Instant closed)
        {
            events.Add(SignedEvents.Opened(ticket, opened));
            events.Add(SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, closed));
        }

        Closed("RPT-A", Utc(10, 25, 0, 30), Utc(10, 25, 2, 30));
        Closed("RPT-B", Utc(10, 25, 20, 0), Utc(10, 25, 23, 0));
        Closed("RPT-C", Utc(10, 25, 19, 0), Utc(10, 25, 22, 30));
        events.Add(SignedEvents.Event("RPT-C", "repair", "CUSTOMER_HOLD_STARTED", Utc(10, 25, 20, 0)));
        events.Add(SignedEvents.Event("RPT-C", "repair", "CUSTOMER_HOLD_ENDED", Utc(10, 25, 21, 0)));
        Closed("RPT-D", Utc(10, 20, 8, 0), Utc(10, 20, 12, 30));
        events.Add(SignedEvents.Opened("RPT-E", Utc(10, 27, 8, 0)));
        events.Add(SignedEvents.Event("RPT-E", "repair", "CANCELLED", Utc(10, 27, 9, 0)));
        Closed("RPT-F", Utc(10, 18, 20, 0), Utc(10, 18, 21, 59) + Duration.FromSeconds(59));
        Closed("RPT-G", Utc(11, 1, 20, 0), Utc(11, 1, 23, 0));
        using var response = await SignedEvents.PostAsync(client, SignedEvents.Batch([.. events]), signedAt);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Waits until every scenario promise is closed (the consumer runs behind the transport).</summary>
    public static async Task UntilClosedAsync(HttpClient client)
    {
        foreach (var ticket in Tickets)
        {
            await Eventually.UntilAsync(
                () => PromiseReads.GetAsync(client, ticket),
                p => p.ValueKind == JsonValueKind.Object && p.GetProperty("status").GetString() is "MET" or "MISSED" or "CANCELLED",
                $"{ticket} to be closed");
        }
    }

    /// <summary>The report's rows as "key | met missed cancelled attainment | lost customer | median margin", to compare whole.</summary>
    public static async Task<List<string>> RowsAsync(HttpClient client, string query)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync($"/api/v1/reports/attainment?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["rows"]!.AsArray().Select(Describe).ToList();
    }

    public static string Describe(JsonNode? row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = string.Join(",", row["key"]!.AsObject().Select(k => $"{k.Key}={k.Value}"));
        var lost = row["lostTime"]!;
        return $"{key} | {row["met"]} {row["missed"]} {row["cancelled"]} {row["attainment"]?.ToString() ?? "null"} | "
            + $"{lost["customer"]} {lost["customs"]} {lost["carrier"]} {lost["weather"]} {lost["other"]} | {row["medianMargin"]?.ToString() ?? "null"}";
    }

    private static Instant Utc(int month, int day, int hour, int minute) => Instant.FromUtc(2026, month, day, hour, minute);
}
