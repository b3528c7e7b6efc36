using System.Net;
using System.Text.Json.Nodes;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>Reads promises the way an operator's client does: GET /api/v1/promises/{ticketRef}.</summary>
public static class PromisesApi
{
    /// <summary>Waits until the promise exists with the given status (the consumer runs behind the broker) and returns it.</summary>
    public static async Task<JsonObject> UntilStatusAsync(HttpClient client, string ticketRef, string status)
    {
        var promise = await Eventually.UntilAsync(
            () => GetAsync(client, ticketRef),
            p => p?["status"]?.GetValue<string>() == status,
            $"promise {ticketRef} to be {status}");
        return promise!;
    }

    /// <summary>The promise, or null while it does not exist yet.</summary>
    public static async Task<JsonObject?> GetAsync(HttpClient client, string ticketRef)
    {
        using var response = await client.GetAsync($"/api/v1/promises/{Uri.EscapeDataString(ticketRef)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET promise {ticketRef} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string NewTicketRef() => $"TCK-{Guid.NewGuid():N}"[..16];
}
