using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>The <see cref="TestSetup"/> configuration with a two-step ladder, and reads of the escalations API.</summary>
public static class Escalating
{
    public const string BoardUrl = "https://board.example.com";
    /// <summary>The customer's alertSecret (<see cref="ConfigureAsync"/> sets it with the alert webhook).</summary>
    public const string AlertSecret = "it-alert-secret-0123456789";
    public const string AccountManager = "dana@example.com";

    /// <summary>Level 1 the board at once, level 2 the account managers after <see cref="StepAfter"/>.</summary>
    public static readonly NodaTime.Duration StepAfter = NodaTime.Duration.FromMinutes(15);

    /// <summary>Opened this long before now, a 4-hour promise with a 30-minute margin is AT_RISK with 20 minutes left.</summary>
    public static readonly NodaTime.Duration OpenedAgo = NodaTime.Duration.FromMinutes(220);

    /// <summary>
    /// Settings every escalation test shares: a short timer sleep, the board link, fast webhook retries, and the
    /// <paramref name="receiver"/> (on loopback) listed in the allowed alert targets.
    /// </summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? more = null, AlertReceiver? receiver = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduling:Wakeups:MaxSleep"] = "00:00:00.050",
            ["Escalations:BoardUrl"] = BoardUrl,
            ["Notifications:Webhook:RetryDelay"] = "00:00:00.100",
        };
        if (receiver is not null)
        {
            settings["Notifications:Webhook:AllowedTargets:0"] = receiver.Target;
        }

        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Site, carrier, the policy with the ladder, and the customer (with its alert webhook and <see cref="AlertSecret"/> when given).</summary>
    public static async Task ConfigureAsync(HttpClient admin, Uri? alertWebhook = null)
    {
        await TestSetup.ConfigureAsync(admin);
        // A threshold the default prior has crossed before these promises open (3 h 40 m into 4 h): the only change due
        // at the ladder's step is then the escalation's own. With the default (0.82, crossed at 3 h 42 m) the promise's
        // crossing came due at the same instant as the climb and raced it (the email's reasons were one or the other).
        var policy = TestSetup.PolicyWithLadderBody();
        policy["probabilityThreshold"] = 0.7;
        await PutAsync(admin, $"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        if (alertWebhook is not null)
        {
            var customer = TestSetup.CustomerBody();
            customer["alertWebhook"] = alertWebhook.ToString();
            customer["alertSecret"] = AlertSecret;
            await PutAsync(admin, $"/api/v1/customers/{TestSetup.Customer}", customer);
        }
    }

    /// <summary>
    /// <paramref name="count"/> carriers named <paramref name="prefix"/>0, 1, …: the carrier is part of the incident key,
    /// so tickets of different carriers make incidents of their own, each told in its own email.
    /// </summary>
    public static async Task<List<string>> CarriersAsync(HttpClient admin, string prefix, int count)
    {
        var carriers = Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToList();
        foreach (var carrier in carriers)
        {
            await PutAsync(admin, $"/api/v1/carriers/{carrier}", TestSetup.CarrierBody());
        }

        return carriers;
    }

    /// <summary>Waits for the escalation of the ticket to satisfy <paramref name="done"/> (GET /api/v1/escalations).</summary>
    public static Task<JsonElement> UntilAsync(HttpClient admin, string ticketRef, Func<JsonElement, bool> done, string what) =>
        EscalationReads.UntilAsync(admin, ticketRef, done, what);

    public static int Level(this JsonElement escalation) => escalation.GetProperty("level").GetInt32();

    public static async Task PutAsync(HttpClient admin, string path, JsonObject body)
    {
        using var response = await admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
