using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

public static class Webhook
{
    /// <summary>Posts signed now and asserts 202 (the broker confirmed every message); returns the per-event answer.</summary>
    public static async Task<JsonObject> PostAcceptedAsync(HttpClient client, JsonNode body)
    {
        using var response = await SignedEvents.PostAsync(client, body, SystemClock.Instance.GetCurrentInstant());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"webhook answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The real clock to the second, as partners send it.</summary>
    public static Instant Now() => Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds());
}
