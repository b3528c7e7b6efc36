using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using NodaTime;
using SlaMonitor.Client;
using Models = SlaMonitor.Client.Models;

namespace SlaMonitor.Replay;

/// <summary>
/// Everything the replay says to the server goes over its HTTP API, here, through SlaMonitor.Client (the generated
/// client), so every replay exercises it as the load tool does: the configuration PUTs (admin key) and the signed carrier
/// webhooks. <paramref name="http"/> is the in-process server's client: none of Kiota's retry or redirect handlers.
/// </summary>
public sealed class ServerApi(HttpClient http)
{
    public const string DevelopmentAdminKey = "dev-admin-key";

    private readonly SlaMonitorApiClient _partner = SlaMonitorClient.Create(Server(http), http: http);
    private readonly SlaMonitorApiClient _admin = SlaMonitorClient.Create(Server(http), DevelopmentAdminKey, http);

    /// <summary>
    /// PUTs a configuration body (<paramref name="section"/> <c>sites</c>, <c>policies</c>, <c>customers</c> or
    /// <c>carriers</c>); throws with the server's problem details when refused.
    /// </summary>
    public async Task PutAsync(string section, string code, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v1 = _admin.Api.V1;
        // The body is the user's config.json as written, sent byte for byte rather than through the generated models
        // (SiteBody, PolicyBody, …): those would parse and re-serialise it, re-formatting values (times, numbers, the
        // composed ones such as a policy's target), and a mistyped field would fail in the client instead of coming back
        // as the server's 422 naming it. The generated builder still gives the address, the adapter the key.
        var request = section switch
        {
            "sites" => v1.Sites[code].ToPutRequestInformation(new Models.SiteBody()),
            "policies" => v1.Policies[code].ToPutRequestInformation(new Models.PolicyBody()),
            "customers" => v1.Customers[code].ToPutRequestInformation(new Models.CustomerBody()),
            "carriers" => v1.Carriers[code].ToPutRequestInformation(new Models.CarrierBody()),
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "not a configuration section"),
        };
        try
        {
            await _admin.SendJsonAsync(request, Encoding.UTF8.GetBytes(body.ToJsonString()));
        }
        catch (ApiException refused)
        {
            throw new InvalidDataException($"config.json, {section}/{Uri.EscapeDataString(code)}: {refused.ResponseStatusCode} {Text(refused)}", refused);
        }
    }

    /// <summary>
    /// POSTs <c>{"events":[…]}</c> signed with the carrier's secret at <paramref name="now"/> (the virtual instant: the
    /// server checks the signature's time against its clock, the replay's). Returns null when accepted (202), else the
    /// problem details: on 422 <c>errors</c> is keyed <c>events[i].field</c>, and nothing was applied.
    /// </summary>
    public async Task<JsonElement?> PostEventsAsync(string carrier, string secret, IReadOnlyList<JsonObject> events, Instant now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var bytes = Encoding.UTF8.GetBytes(new JsonObject { ["events"] = new JsonArray([.. events.Select(e => e.DeepClone())]) }.ToJsonString());
        try
        {
            await _partner.Api.V1.Carriers[carrier].Events.PostSignedAsync(bytes, secret, now.ToDateTimeOffset());
            return null;
        }
        catch (Models.HttpValidationProblemDetails refused) // 400 or 422: the bad rows are read from it
        {
            return JsonDocument.Parse(Text(refused)).RootElement.Clone();
        }
        catch (ApiException failed)
        {
            throw new HttpRequestException($"carrier {carrier}: {failed.ResponseStatusCode} {Text(failed)}", failed);
        }
    }

    private static Uri Server(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.BaseAddress ?? throw new ArgumentException("The server's client needs its BaseAddress.", nameof(http));
    }

    /// <summary>
    /// The problem details as JSON again, as the server sent them (<c>errors</c>, which the generated model keeps as
    /// additional data, included); the exception's message when it carries none.
    /// </summary>
    private static string Text(ApiException refused)
    {
        if (refused is not IParsable problem)
        {
            return refused.Message;
        }

        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, problem);
        using var reader = new StreamReader(writer.GetSerializedContent(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
