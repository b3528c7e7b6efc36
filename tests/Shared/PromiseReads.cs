using System.Net.Http.Json;
using System.Text.Json;

namespace SlaMonitor.Tests.Shared;

/// <summary>Reads a promise as a client does: GET /api/v1/promises/{ticketRef}.</summary>
public static class PromiseReads
{
    /// <summary>The promise, or an undefined element while it does not exist.</summary>
    public static async Task<JsonElement> GetAsync(HttpClient client, string ticketRef)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync($"/api/v1/promises/{Uri.EscapeDataString(ticketRef)}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    /// <summary>Waits until the promise exists with the given status (the consumer runs behind the transport).</summary>
    public static Task<JsonElement> UntilStatusAsync(HttpClient client, string ticketRef, string status) =>
        Eventually.UntilAsync(
            () => GetAsync(client, ticketRef),
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("status").GetString() == status,
            $"{ticketRef} to be {status}");
}
