using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

public static class Webhook
{
    /// <summary>
    /// Posts signed now and asserts 202 (the broker confirmed every message); returns the per-event answer. A 503
    /// (the broker did not confirm in time on a loaded machine) is sent again, as the contract tells a carrier to.
    /// Signed at <paramref name="signedAt"/> (a host on a fake clock checks the signature's age against it), else now.
    /// </summary>
    public static async Task<JsonObject> PostAcceptedAsync(HttpClient client, JsonNode body, string carrier = TestSetup.Carrier, Instant? signedAt = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await SignedEvents.PostAsync(client, body, signedAt ?? SystemClock.Instance.GetCurrentInstant(), carrier);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"webhook answered {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text)!.AsObject();
        }
    }

    /// <summary>The real clock to the second, as partners send it.</summary>
    public static Instant Now() => Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds());
}
