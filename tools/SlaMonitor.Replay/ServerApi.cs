using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Replay;

/// <summary>
/// Everything the replay says to the server goes over its HTTP API, here: the configuration PUTs (admin key) and the
/// signed carrier webhooks. One small class, so it can switch to the generated API client.
/// </summary>
public sealed class ServerApi(HttpClient http)
{
    public const string DevelopmentAdminKey = "dev-admin-key";

    /// <summary>PUT an admin body (e.g. <c>sites/BR-SP</c>); throws with the server's problem details when refused.</summary>
    public async Task PutAsync(string path, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/{path}") { Content = Json(Encoding.UTF8.GetBytes(body.ToJsonString())) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentAdminKey);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidDataException($"config.json, {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// POSTs <c>{"events":[…]}</c> signed with the carrier's secret at <paramref name="now"/>. Returns null when accepted (202),
    /// else the problem details: on 422 <c>errors</c> is keyed <c>events[i].field</c>, and nothing was applied.
    /// </summary>
    public async Task<JsonElement?> PostEventsAsync(string carrier, string secret, IReadOnlyList<JsonObject> events, Instant now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var bytes = Encoding.UTF8.GetBytes(new JsonObject { ["events"] = new JsonArray([.. events.Select(e => e.DeepClone())]) }.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carriers/{Uri.EscapeDataString(carrier)}/events") { Content = Json(bytes) };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, now.ToUnixTimeSeconds(), bytes));
        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        throw new HttpRequestException($"carrier {carrier}: {(int)response.StatusCode} {text}");
    }

    private static ByteArrayContent Json(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
}
