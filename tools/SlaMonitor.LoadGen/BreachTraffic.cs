using System.Text.Json.Nodes;

namespace SlaMonitor.LoadGen;

/// <summary>
/// Tickets of a second customer opened 250 minutes ago on a 4-hour promise: BREACHED with their first event, so each
/// opens an escalation that tells the account managers at once (email and the customer's alert webhook).
/// </summary>
internal sealed class BreachTraffic(string runId)
{
    public const string Customer = "LOADGEN-ALERTING";
    public const string ServiceLevel = "LOADGEN-ALERTING-4H";
    private int _tickets;

    public JsonObject Next()
    {
        var ticket = $"LGB{runId}-{Interlocked.Increment(ref _tickets)}";
        return new JsonObject
        {
            ["eventId"] = $"{ticket}-OPENED",
            ["kind"] = "repair",
            ["code"] = "OPENED",
            ["occurredAt"] = (DateTimeOffset.UtcNow - TimeSpan.FromMinutes(250)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["ticketRef"] = ticket,
            ["opened"] = new JsonObject { ["customer"] = Customer, ["site"] = Journeys.Site, ["serviceLevel"] = ServiceLevel },
        };
    }

    public int Sent => Volatile.Read(ref _tickets);
}
