using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;
using SlaMonitor.Client;
using SlaMonitor.Client.Models;

namespace SlaMonitor.LoadGen;

/// <summary>
/// Posts events signed as a partner does and configures the server, both through SlaMonitor.Client (the generated
/// client), so every benchmark exercises it. The events are serialised once and the signature covers those bytes
/// (<c>PostSignedAsync</c>); the client's own models would serialise them a second time.
/// </summary>
internal sealed class WebhookClient(HttpClient http, LoadOptions options)
{
    // The plain HttpClient: none of Kiota's default retry or redirect handlers, so every answer is counted as given.
    private readonly SlaMonitorApiClient _partner = SlaMonitorClient.Create(options.Server, http: http);
    private readonly SlaMonitorApiClient _admin = SlaMonitorClient.Create(options.Server, options.AdminKey, http);

    /// <summary>Posts the events; returns the status and the eventIds the server accepted (not those it called duplicates).</summary>
    public async Task<(HttpStatusCode Status, List<string> Accepted)> PostAsync(IReadOnlyList<JsonObject> events)
    {
        var body = events.Count == 1 ? events[0].ToJsonString() : new JsonObject { ["events"] = new JsonArray([.. events.Select(e => e.DeepClone())]) }.ToJsonString();
        try
        {
            var answer = await _partner.Api.V1.Carriers[options.Carrier].Events.PostSignedAsync(Encoding.UTF8.GetBytes(body), options.Secret);
            return (HttpStatusCode.Accepted, [.. (answer.Results ?? []).Where(r => r.Result == "accepted").Select(r => r.EventId!)]);
        }
        catch (ApiException refused)
        {
            return ((HttpStatusCode)refused.ResponseStatusCode, []);
        }
    }

    /// <summary>
    /// PUTs the site, policy, customer and carrier the traffic refers to (rate limit lifted for the run). The policy
    /// pauses for customs holds and tells the account managers as soon as a promise is at risk; with
    /// <paramref name="alertWebhook"/> the customer's alerts go there too.
    /// </summary>
    public async Task ConfigureAsync(Uri? alertWebhook)
    {
        var v1 = _admin.Api.V1;
        await v1.Sites[Journeys.Site].PutAsync(new SiteBody { Name = "LoadGen Frankfurt", Region = "EU", TimeZone = "Europe/Berlin", Calendar = new CalendarBody { AlwaysOpen = true } });
        await v1.Policies[Journeys.ServiceLevel].PutAsync(new PolicyBody
        {
            Clock = "elapsed", Target = Duration("PT4H"), FulfilledBy = "TECHNICIAN_ONSITE", PauseOn = ["CUSTOMER_HOLD", "CUSTOMS_HOLD"], AtRiskMargin = "PT30M",
            Escalation = [new EscalationStepBody { Level = 1, Notify = "accountManager", After = "PT0M" }],
        });
        await v1.Customers[Journeys.Customer].PutAsync(new CustomerBody
        {
            Name = "LoadGen Corp", AccountManagers = [new AccountManagerBody { Name = "Dana", Email = "dana@example.com" }],
            AlertWebhook = alertWebhook?.ToString(), AlertSecret = alertWebhook is null ? null : "loadgen-alert-secret-0000",
        });
        await v1.Carriers[options.Carrier].PutAsync(new CarrierBody { Name = "LoadGen", Secret = options.Secret, Format = "canonical", RequestsPerSecond = 100000, Customers = ["*"] });
    }

    /// <summary>The second customer, whose promises breach at once and whose alerts go to <paramref name="alertWebhook"/>; its policy tells the account managers at once.</summary>
    public async Task ConfigureAlertingCustomerAsync(Uri alertWebhook)
    {
        var v1 = _admin.Api.V1;
        await v1.Policies[BreachTraffic.ServiceLevel].PutAsync(new PolicyBody
        {
            Clock = "elapsed", Target = Duration("PT4H"), FulfilledBy = "TECHNICIAN_ONSITE", AtRiskMargin = "PT30M",
            Escalation = [new EscalationStepBody { Level = 1, Notify = "accountManager", After = "PT0M" }],
        });
        await v1.Customers[BreachTraffic.Customer].PutAsync(new CustomerBody
        {
            Name = "LoadGen Alerting Corp", AccountManagers = [new AccountManagerBody { Name = "Ari", Email = "ari@example.com" }],
            AlertWebhook = alertWebhook.ToString(), AlertSecret = "loadgen-alert-secret-0001",
        });
    }

    private static PolicyBody.PolicyBody_target Duration(string iso) => new() { String = iso };
}
