using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 16, points 5 and 7 on PostgreSQL and RabbitMQ: an ops key voids a wrongly scanned fulfilment, a later event
/// through the broker keeps it void, a close by hand resolves the escalation, and the audit log has each correction with
/// the key's name while a carrier's secret never reaches it.
/// </summary>
public sealed class CorrectionAuditTests(Servers servers)
{
    private const string OpsKey = "ops-key-0123456789";

    [Fact]
    public async Task A_void_and_a_close_by_hand_are_applied_kept_through_later_events_and_audited_on_postgres()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = TestSetup.AdminKey,
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Auth:ApiKeys:0:Name"] = "Ada Admin",
            ["Auth:ApiKeys:1:Key"] = OpsKey,
            ["Auth:ApiKeys:1:Role"] = "ops",
            ["Auth:ApiKeys:1:Name"] = "Olga Ops",
        });
        using var admin = app.Admin();
        using var ops = app.CreateClient();
        ops.DefaultRequestHeaders.Authorization = new("Bearer", OpsKey);
        await TestSetup.ConfigureAsync(admin);
        var ticket = PromisesApi.NewTicketRef();
        var openedAt = Webhook.Now() - Duration.FromHours(5);

        // Opened five hours ago on a four-hour promise: breached, escalated; then a fulfilment scanned on the wrong ticket.
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Opened(ticket, openedAt));
        await EscalationReads.UntilAsync(admin, ticket, e => e.GetProperty("state").GetString() == "open");
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, openedAt + Duration.FromHours(1), "wrong-scan"));
        await PromisesApi.UntilStatusAsync(admin, ticket, "MET");

        using var voided = await ops.PostAsJsonAsync($"/api/v1/promises/{ticket}/events/wrong-scan/void", new { reason = "scanned on the wrong ticket" });
        var afterVoid = (await voided.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(voided.StatusCode == HttpStatusCode.OK, $"void answered {(int)voided.StatusCode}: {afterVoid.ToJsonString()}");
        await EscalationReads.UntilAsync(admin, ticket, e => e.GetProperty("state").GetString() == "open", "open again");
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Event(ticket, "shipment", "PICKED_UP", openedAt + Duration.FromHours(4.5)));
        var afterLaterEvent = await Eventually.UntilAsync(
            () => PromisesApi.GetAsync(admin, ticket), p => p?["timeline"]!.AsArray().Count == 3, "the later event through RabbitMQ");

        using var closed = await ops.PostAsJsonAsync($"/api/v1/promises/{ticket}/corrections", new { action = "close", reason = "technician confirmed by phone" });
        var afterClose = (await closed.Content.ReadFromJsonAsync<JsonObject>())!;
        var escalation = await EscalationReads.UntilAsync(admin, ticket, e => e.GetProperty("state").GetString() == "resolved", "resolved");
        var audit = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/audit?entity=promise/{ticket}"))!["items"]!.AsArray();
        var carrierAudit = await admin.GetStringAsync($"/api/v1/audit?entity=carrier/{TestSetup.Carrier}");

        Assert.Equal((HttpStatusCode.OK, "BREACHED"), (voided.StatusCode, afterVoid["status"]!.GetValue<string>()));
        Assert.Equal("BREACHED", afterLaterEvent!["status"]!.GetValue<string>());
        var wrong = afterLaterEvent["timeline"]!.AsArray().Single(e => e!["eventId"]!.GetValue<string>() == "wrong-scan")!;
        Assert.Equal(("Olga Ops", "scanned on the wrong ticket"), (wrong["void"]!["by"]!.GetValue<string>(), wrong["void"]!["reason"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, "MISSED"), (closed.StatusCode, afterClose["status"]!.GetValue<string>()));
        Assert.Equal(["void", "close"], afterClose["corrections"]!.AsArray().Select(c => c!["action"]!.GetValue<string>()));
        Assert.Equal("MISSED", escalation.GetProperty("outcome").GetString());
        Assert.Equal([("close", "Olga Ops", "BREACHED"), ("void", "Olga Ops", "MET")],
            audit.Select(e => (e!["action"]!.GetValue<string>(), e["actor"]!.GetValue<string>(), e["before"]!["status"]!.GetValue<string>())));
        Assert.Contains("\"actor\":\"Ada Admin\"", carrierAudit, StringComparison.Ordinal);
        Assert.Contains("[redacted]", carrierAudit, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSetup.CarrierSecret, carrierAudit, StringComparison.Ordinal);
    }
}
