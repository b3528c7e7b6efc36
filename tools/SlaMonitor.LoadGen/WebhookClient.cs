using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlaMonitor.LoadGen;

/// <summary>Posts events signed as a partner does (<c>SlaMonitor-Signature: t=…,v1=…</c>) and reads the admin API.</summary>
internal sealed class WebhookClient(HttpClient http, LoadOptions options)
{
    /// <summary>Posts the events; returns the status and the eventIds the server accepted (not those it called duplicates).</summary>
    public async Task<(HttpStatusCode Status, List<string> Accepted)> PostAsync(IReadOnlyList<JsonObject> events)
    {
        var body = events.Count == 1 ? events[0].ToJsonString() : new JsonObject { ["events"] = new JsonArray([.. events.Select(e => e.DeepClone())]) }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), (byte[])[.. Encoding.UTF8.GetBytes($"{t}."), .. bytes]));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Server, $"/api/v1/carriers/{options.Carrier}/events"))
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add("SlaMonitor-Signature", $"t={t},v1={signature}");
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (response.StatusCode, []);
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, answer.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("result").GetString() == "accepted")
            .Select(r => r.GetProperty("eventId").GetString()!)
            .ToList());
    }

    /// <summary>
    /// PUTs the site, policy, customer and carrier the traffic refers to (rate limit lifted for the run). The policy
    /// pauses for customs holds and tells the account managers as soon as a promise is at risk; with
    /// <paramref name="alertWebhook"/> the customer's alerts go there too.
    /// </summary>
    public async Task ConfigureAsync(Uri? alertWebhook)
    {
        await PutAsync($"/api/v1/sites/{Journeys.Site}", """{"name":"LoadGen Frankfurt","region":"EU","timeZone":"Europe/Berlin","calendar":{"alwaysOpen":true}}""");
        await PutAsync($"/api/v1/policies/{Journeys.ServiceLevel}", """{"clock":"elapsed","target":"PT4H","fulfilledBy":"TECHNICIAN_ONSITE","pauseOn":["CUSTOMER_HOLD","CUSTOMS_HOLD"],"atRiskMargin":"PT30M","escalation":[{"level":1,"notify":"accountManager","after":"PT0M"}]}""");
        var webhook = alertWebhook is null ? "" : $",\"alertWebhook\":\"{alertWebhook}\",\"alertSecret\":\"loadgen-alert-secret-0000\"";
        await PutAsync($"/api/v1/customers/{Journeys.Customer}", $$"""{"name":"LoadGen Corp","accountManagers":[{"name":"Dana","email":"dana@example.com"}]{{webhook}}}""");
        await PutAsync($"/api/v1/carriers/{options.Carrier}", $$"""{"name":"LoadGen","secret":"{{options.Secret}}","format":"canonical","requestsPerSecond":100000,"customers":["*"]}""");
    }

    /// <summary>The second customer, whose promises breach at once and whose alerts go to <paramref name="alertWebhook"/>; its policy tells the account managers at once.</summary>
    public async Task ConfigureAlertingCustomerAsync(Uri alertWebhook)
    {
        await PutAsync($"/api/v1/policies/{BreachTraffic.ServiceLevel}", """{"clock":"elapsed","target":"PT4H","fulfilledBy":"TECHNICIAN_ONSITE","atRiskMargin":"PT30M","escalation":[{"level":1,"notify":"accountManager","after":"PT0M"}]}""");
        await PutAsync($"/api/v1/customers/{BreachTraffic.Customer}", $$"""{"name":"LoadGen Alerting Corp","accountManagers":[{"name":"Ari","email":"ari@example.com"}],"alertWebhook":"{{alertWebhook}}","alertSecret":"loadgen-alert-secret-0001"}""");
    }

    private async Task PutAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(options.Server, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", options.AdminKey);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
