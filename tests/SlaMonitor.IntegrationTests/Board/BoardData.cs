using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using NodaTime.Text;
using NodaTime;
using SlaMonitor.Server.Common;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>Admin data for the board tests (two sites in two regions, two customers, two carriers) and signed events.</summary>
public static class BoardData
{
    public const string Berlin = "ACME-FRA-DC2";
    public const string NewYork = "GLOBEX-NYC-01";
    public const string FourHours = "4H-ONSITE";
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["FASTLANE"] = "board-test-secret-fastlane",
        ["NORDFREIGHT"] = "board-test-secret-nordfreight",
    };

    public static async Task ConfigureAsync(HttpClient admin)
    {
        await PutAsync(admin, $"/api/v1/sites/{Berlin}", Site("ACME Frankfurt DC2", "EU", "Europe/Berlin"));
        await PutAsync(admin, $"/api/v1/sites/{NewYork}", Site("Globex Manhattan", "NA", "America/New_York"));
        await PutAsync(admin, $"/api/v1/policies/{FourHours}", new JsonObject
        {
            ["clock"] = "elapsed", ["target"] = "PT4H", ["fulfilledBy"] = "TECHNICIAN_ONSITE",
            ["pauseOn"] = new JsonArray("CUSTOMER_HOLD"), ["atRiskMargin"] = "PT30M",
        });
        foreach (var customer in new[] { "ACME", "GLOBEX" })
        {
            await PutAsync(admin, $"/api/v1/customers/{customer}", new JsonObject
            {
                ["name"] = customer, ["accountManagers"] = new JsonArray(new JsonObject { ["name"] = "Dana", ["email"] = "dana@example.com" }),
            });
        }

        foreach (var (carrier, secret) in Secrets)
        {
            await PutAsync(admin, $"/api/v1/carriers/{carrier}", new JsonObject { ["name"] = carrier, ["secret"] = secret, ["customers"] = new JsonArray("*") });
        }
    }

    public static Task OpenAsync(HttpClient client, Instant signedAt, string ticketRef, string customer, string site, Instant openedAt, string carrier = "FASTLANE") =>
        PostAsync(client, carrier, signedAt, Event(ticketRef, "repair", "OPENED", openedAt, new JsonObject
        {
            ["opened"] = new JsonObject { ["customer"] = customer, ["site"] = site, ["serviceLevel"] = FourHours },
        }));

    public static JsonObject Event(string ticketRef, string kind, string code, Instant occurredAt, JsonObject? extra = null)
    {
        var body = new JsonObject
        {
            ["eventId"] = $"{ticketRef}-{code}-{occurredAt.ToUnixTimeSeconds()}",
            ["kind"] = kind,
            ["code"] = code,
            ["occurredAt"] = InstantPattern.General.Format(occurredAt),
            ["ticketRef"] = ticketRef,
            ["location"] = new JsonObject { ["code"] = "DE-FRA", ["countryCode"] = "DE" },
        };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>Posts as a partner would: signed with the carrier's secret at <paramref name="signedAt"/> (the server's clock).</summary>
    public static async Task PostAsync(HttpClient client, string carrier, Instant signedAt, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carriers/{carrier}/events")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(Secrets[carrier], signedAt.ToUnixTimeSeconds(), bytes));
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static JsonObject Site(string name, string region, string zone) => new()
    {
        ["name"] = name, ["region"] = region, ["timeZone"] = zone,
        ["calendar"] = new JsonObject { ["alwaysOpen"] = true },
    };

    private static async Task PutAsync(HttpClient admin, string path, JsonObject body)
    {
        using var response = await admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
