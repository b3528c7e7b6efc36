using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using SlaMonitor.Server.Webhooks;

namespace SlaMonitor.Server.Tests.Support;

/// <summary>Configures the admin data a carrier needs and posts its events signed, as a partner would.</summary>
public static class Carriers
{
    public static async Task ConfigureAsync(HttpClient admin)
    {
        await PutAsync(admin, $"/api/v1/sites/{Bodies.Site}", Bodies.BerlinSite());
        await PutAsync(admin, $"/api/v1/policies/{Bodies.ServiceLevel}", Bodies.FourHourPolicy());
        await PutAsync(admin, $"/api/v1/customers/{Bodies.Customer}", Bodies.AcmeCustomer());
        await PutAsync(admin, $"/api/v1/carriers/{Bodies.Carrier}", Bodies.FastlaneCarrier());
    }

    public static JsonObject Opened(string ticketRef, Instant occurredAt) => Event(ticketRef, "repair", "OPENED", occurredAt, new JsonObject
    {
        ["opened"] = new JsonObject { ["customer"] = Bodies.Customer, ["site"] = Bodies.Site, ["serviceLevel"] = Bodies.ServiceLevel },
    });

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

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body, Instant signedAt, string secret = Bodies.CarrierSecret) =>
        PostRawAsync(client, Encoding.UTF8.GetBytes(body.ToJsonString()), signedAt, secret);

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, byte[] body, Instant signedAt, string secret = Bodies.CarrierSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carriers/{Bodies.Carrier}/events")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, signedAt.ToUnixTimeSeconds(), body));
        return client.SendAsync(request);
    }

    private static async Task PutAsync(HttpClient admin, string path, JsonObject body)
    {
        using var response = await admin.PutAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }
}
