using System.Text.Json.Nodes;
using System.Text;
using NodaTime.Text;
using NodaTime;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Tests.Shared;

/// <summary>Canonical carrier events (PRODUCT.md, webhook v1), posted signed as a partner would.</summary>
public static class SignedEvents
{
    private static readonly DateTimeZone SiteZone = DateTimeZoneProviders.Tzdb[TestSetup.SiteTimeZone];

    /// <summary>A repair OPENED event for the <see cref="TestSetup"/> customer, site and service level.</summary>
    public static JsonObject Opened(string ticketRef, Instant occurredAt, string? eventId = null) =>
        Event(ticketRef, "repair", "OPENED", occurredAt, eventId, new JsonObject
        {
            ["opened"] = new JsonObject
            {
                ["customer"] = TestSetup.Customer,
                ["site"] = TestSetup.Site,
                ["serviceLevel"] = TestSetup.ServiceLevel,
            },
        });

    /// <summary>
    /// One event; <c>occurredAt</c> carries the site's offset, as a partner near the site would send it.
    /// The default eventId is unique per ticket, code and time.
    /// </summary>
    public static JsonObject Event(
        string ticketRef, string kind, string code, Instant occurredAt, string? eventId = null, JsonObject? extra = null)
    {
        var body = new JsonObject
        {
            ["eventId"] = eventId ?? $"{ticketRef}-{code}-{occurredAt.ToUnixTimeSeconds()}",
            ["kind"] = kind,
            ["code"] = code,
            ["occurredAt"] = OffsetDateTimePattern.ExtendedIso.Format(occurredAt.InZone(SiteZone).ToOffsetDateTime()),
            ["ticketRef"] = ticketRef,
            ["location"] = new JsonObject { ["code"] = "DE-FRA", ["countryCode"] = "DE" },
        };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>Several events in one request: <c>{ "events": [...] }</c>.</summary>
    public static JsonObject Batch(params JsonNode[] events) =>
        new() { ["events"] = new JsonArray(events.Select(e => e.DeepClone()).ToArray()) };

    /// <summary>POSTs the body to the carrier's webhook with <c>SlaMonitor-Signature</c> over its exact bytes.</summary>
    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client, JsonNode body, Instant signedAt, string carrier = TestSetup.Carrier, string secret = TestSetup.CarrierSecret)
    {
        ArgumentNullException.ThrowIfNull(body);
        return PostBytesAsync(client, Encoding.UTF8.GetBytes(body.ToJsonString()), signedAt, carrier, secret);
    }

    /// <summary>POSTs raw bytes (e.g. malformed JSON), correctly signed.</summary>
    public static async Task<HttpResponseMessage> PostBytesAsync(
        HttpClient client, byte[] bytes, Instant signedAt, string carrier = TestSetup.Carrier, string secret = TestSetup.CarrierSecret)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(bytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carriers/{carrier}/events")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, signedAt.ToUnixTimeSeconds(), bytes));
        return await client.SendAsync(request);
    }
}
