using System.Net.Http.Json;
using System.Text.Json;

namespace SlaMonitor.Tests.Shared;

/// <summary>Reads escalations as a client does: GET /api/v1/escalations.</summary>
public static class EscalationReads
{
    /// <summary>Waits until the ticket's latest escalation satisfies <paramref name="done"/>.</summary>
    public static Task<JsonElement> UntilAsync(HttpClient admin, string ticketRef, Func<JsonElement, bool> done, string? what = null) =>
        Eventually.UntilAsync(
            async () =>
            {
                var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/escalations?limit=1000");
                return page.GetProperty("items").EnumerateArray().LastOrDefault(e => e.GetProperty("ticketRef").GetString() == ticketRef);
            },
            e => e.ValueKind == JsonValueKind.Object && done(e),
            $"the escalation of {ticketRef}{(what is null ? "" : " " + what)}");
}
