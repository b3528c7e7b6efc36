using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SlaMonitor.Tests.Shared;

/// <summary>
/// The smallest admin configuration a carrier's events need, with bodies as in PRODUCT.md:
/// one site on the Europe/Berlin calendar, a 4-hour elapsed-time policy, one customer and one carrier.
/// </summary>
public static class TestSetup
{
    public const string AdminKey = "dev-admin-key";
    public const string Site = "ACME-FRA-DC2";
    public const string SiteTimeZone = "Europe/Berlin";
    public const string Customer = "ACME";
    public const string ServiceLevel = "4H-ONSITE";
    public const string FulfilledBy = "TECHNICIAN_ONSITE";
    public const string Carrier = "FASTLANE";
    public const string CarrierSecret = "test-secret-fastlane-0001";

    /// <summary>Sends <c>Authorization: Bearer dev-admin-key</c> (accepted in Development) from now on.</summary>
    public static HttpClient AsAdmin(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
        return client;
    }

    /// <summary>PUTs the site, policy, customer and carrier; fails the test on any non-2xx answer.</summary>
    public static async Task ConfigureAsync(HttpClient admin)
    {
        await PutAsync(admin, $"/api/v1/sites/{Site}", SiteBody());
        await PutAsync(admin, $"/api/v1/policies/{ServiceLevel}", PolicyBody());
        await PutAsync(admin, $"/api/v1/customers/{Customer}", CustomerBody());
        await PutAsync(admin, $"/api/v1/carriers/{Carrier}", CarrierBody());
    }

    public static JsonObject SiteBody() => new()
    {
        ["name"] = "ACME Frankfurt DC2",
        ["region"] = "EU",
        ["timeZone"] = SiteTimeZone,
        ["calendar"] = new JsonObject
        {
            ["workingDays"] = new JsonArray("Mon", "Tue", "Wed", "Thu", "Fri"),
            ["opens"] = "08:00",
            ["closes"] = "18:00",
            ["holidays"] = new JsonArray("2026-12-25"),
        },
    };

    public static JsonObject PolicyBody() => new()
    {
        ["clock"] = "elapsed",
        ["target"] = "PT4H",
        ["fulfilledBy"] = FulfilledBy,
        ["pauseOn"] = new JsonArray("CUSTOMER_HOLD"),
        ["atRiskMargin"] = "PT30M",
    };

    /// <summary>The policy with a ladder: the board at once, the account managers 15 minutes later.</summary>
    public static JsonObject PolicyWithLadderBody()
    {
        var policy = PolicyBody();
        policy["escalation"] = new JsonArray(
            new JsonObject { ["level"] = 1, ["notify"] = "board", ["after"] = "PT0M" },
            new JsonObject { ["level"] = 2, ["notify"] = "accountManager", ["after"] = "PT15M" });
        return policy;
    }

    public static JsonObject CustomerBody() => new()
    {
        ["name"] = "ACME Corp",
        ["accountManagers"] = new JsonArray(new JsonObject { ["name"] = "Dana", ["email"] = "dana@example.com" }),
    };

    public static JsonObject CarrierBody() => new() { ["name"] = "FastLane Express", ["secret"] = CarrierSecret, ["format"] = "canonical", ["customers"] = new JsonArray("*") };

    private static async Task PutAsync(HttpClient admin, string path, JsonObject body)
    {
        using var response = await admin.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
