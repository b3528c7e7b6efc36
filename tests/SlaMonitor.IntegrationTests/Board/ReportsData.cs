using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>
/// Promises for the reports page, sent through the signed webhook. Closed ones (4-hour target, elapsed clock), by the
/// day they closed, counted from day 0 = <c>first</c> (midnight UTC, 7 days before today):
/// ACME (Berlin, EU, FASTLANE): R-ACME-1 met day 0 (3 h, margin +1 h), R-ACME-2 met day 1 after a 1 h customer hold
/// (4 h 30 m, deadline 5 h: margin +30 m), R-ACME-3 missed day 1 (5 h, margin −1 h); GLOBEX (New York, NA, NORDFREIGHT):
/// R-GLOBEX-1 met day 2 (2 h), R-GLOBEX-2 missed day 3 (6 h), R-GLOBEX-3 cancelled day 3.
/// Open: R-OPEN-1 (ACME, at risk: escalated) and R-OPEN-2 (GLOBEX).
/// </summary>
public static class ReportsData
{
    public const string Escalated = "R-OPEN-1";

    public static async Task<Instant> SeedAsync(HttpClient admin, Instant now)
    {
        await BoardData.ConfigureAsync(admin);
        var first = now.InUtc().Date.PlusDays(-7).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var hour = Duration.FromHours(1);
        await CloseAsync(admin, now, "R-ACME-1", "ACME", BoardData.Berlin, "FASTLANE", first + hour * 9, hour * 3);
        await CloseAsync(admin, now, "R-ACME-2", "ACME", BoardData.Berlin, "FASTLANE", first + hour * 33, hour * 4.5, pausedHours: 1);
        await CloseAsync(admin, now, "R-ACME-3", "ACME", BoardData.Berlin, "FASTLANE", first + hour * 34, hour * 5);
        await CloseAsync(admin, now, "R-GLOBEX-1", "GLOBEX", BoardData.NewYork, "NORDFREIGHT", first + hour * 60, hour * 2);
        await CloseAsync(admin, now, "R-GLOBEX-2", "GLOBEX", BoardData.NewYork, "NORDFREIGHT", first + hour * 80, hour * 6);
        await CloseAsync(admin, now, "R-GLOBEX-3", "GLOBEX", BoardData.NewYork, "NORDFREIGHT", first + hour * 82, hour, cancel: true);
        // 20 minutes left at once: inside the 30-minute margin, so it opens at risk with an escalation.
        await BoardData.OpenAsync(admin, now, Escalated, "ACME", BoardData.Berlin, now - Duration.FromMinutes(220));
        await BoardData.OpenAsync(admin, now, "R-OPEN-2", "GLOBEX", BoardData.NewYork, now - Duration.FromMinutes(30), "NORDFREIGHT");
        await Eventually.UntilAsync(() => admin.GetStringAsync("/api/v1/promises?q=R-&status=MET,MISSED,CANCELLED"),
            s => s.Contains("\"total\":6", StringComparison.Ordinal), "six closed promises");
        await Eventually.UntilAsync(() => admin.GetStringAsync($"/api/v1/escalations?ticketRef={Escalated}"),
            s => s.Contains(Escalated, StringComparison.Ordinal), "the open promise's escalation");
        return first;
    }

    private static async Task CloseAsync(
        HttpClient admin, Instant now, string ticket, string customer, string site, string carrier, Instant opened, Duration after,
        double pausedHours = 0, bool cancel = false)
    {
        var events = new JsonArray(BoardData.Event(ticket, "repair", "OPENED", opened, new JsonObject
        {
            ["opened"] = new JsonObject { ["customer"] = customer, ["site"] = site, ["serviceLevel"] = BoardData.FourHours },
        }));
        events.Add(BoardData.Event(ticket, "shipment", "PICKED_UP", opened + Duration.FromMinutes(30), new JsonObject { ["shipmentRef"] = $"1Z{ticket}" }));
        if (pausedHours > 0)
        {
            var held = opened + Duration.FromHours(1);
            events.Add(BoardData.Event(ticket, "repair", "CUSTOMER_HOLD_STARTED", held, new JsonObject { ["reason"] = "CUSTOMER_NOT_AVAILABLE" }));
            events.Add(BoardData.Event(ticket, "repair", "CUSTOMER_HOLD_ENDED", held + Duration.FromHours(pausedHours)));
        }

        events.Add(BoardData.Event(ticket, "repair", cancel ? "CANCELLED" : "TECHNICIAN_ONSITE", opened + after));
        await BoardData.PostAsync(admin, carrier, now, new JsonObject { ["events"] = events });
    }
}
