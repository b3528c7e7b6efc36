using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Issue 16, point 7: ops and admins void an event, close, reopen or move a deadline by hand with a reason; the promise
/// is re-derived with the correction as an input (a later event keeps it), its escalation follows, and the correction
/// is on the promise and in the audit log.
/// </summary>
public sealed class CorrectionTests : IAsyncLifetime
{
    private const string OpsKey = "ops-key-0123456789";
    private const string ManagerKey = "manager-key-0123456789";
    private const string OtherCarrier = "SWIFTAIR";
    private const string OtherSecret = "test-secret-swiftair-0001";
    private readonly SlaApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0:Key"] = TestSetup.AdminKey,
        ["Auth:ApiKeys:0:Role"] = "admin",
        ["Auth:ApiKeys:1:Key"] = OpsKey,
        ["Auth:ApiKeys:1:Role"] = "ops",
        ["Auth:ApiKeys:1:Name"] = "Olga Ops",
        ["Auth:ApiKeys:2:Key"] = ManagerKey,
        ["Auth:ApiKeys:2:Role"] = "accountManager",
        ["Auth:ApiKeys:2:Customers:0"] = TestSetup.Customer,
    });

    private HttpClient _admin = null!;
    private HttpClient _ops = null!;
    private HttpClient _carrier = null!;

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        _ops = _app.CreateClient();
        _ops.DefaultRequestHeaders.Authorization = new("Bearer", OpsKey);
        _carrier = _app.CreateClient();
        await TestSetup.ConfigureAsync(_admin);
        using var policy = await _admin.PutAsJsonAsync($"/api/v1/policies/{TestSetup.ServiceLevel}", TestSetup.PolicyWithLadderBody());
        Assert.True(policy.IsSuccessStatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _ops.Dispose();
        _carrier.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_voided_delivery_no_longer_closes_the_promise_stays_in_the_timeline_marked_void_and_stays_void_after_a_later_event()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(1)));
        await PostAsync(SignedEvents.Event("T-1", "repair", TestSetup.FulfilledBy, Now - Duration.FromMinutes(10), "wrong-ticket"));
        await PromiseReads.UntilStatusAsync(_admin, "T-1", "MET");

        using var voided = await _ops.PostAsJsonAsync("/api/v1/promises/T-1/events/wrong-ticket/void", new { reason = "scanned on the wrong ticket" });
        var view = await voided.Content.ReadFromJsonAsync<JsonElement>();
        await PostAsync(SignedEvents.Event("T-1", "shipment", "PICKED_UP", Now - Duration.FromMinutes(5)));
        // The timeline shows an event once stored, the stage once the promise is re-derived with it: wait for that.
        var later = await Eventually.UntilAsync(
            () => PromiseReads.GetAsync(_admin, "T-1"),
            p => p.GetProperty("timeline").GetArrayLength() == 3 && p.GetProperty("stage").GetString() == "IN_TRANSIT", "the later event applied");

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal("ON_TRACK", view.GetProperty("status").GetString());
        Assert.False(view.TryGetProperty("closedAt", out _));
        var wrong = later.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("eventId").GetString() == "wrong-ticket");
        Assert.Equal(("Olga Ops", "scanned on the wrong ticket"), (wrong.GetProperty("void").GetProperty("by").GetString(), wrong.GetProperty("void").GetProperty("reason").GetString()));
        Assert.Equal(("ON_TRACK", "IN_TRANSIT"), (later.GetProperty("status").GetString(), later.GetProperty("stage").GetString()));
        Assert.Equal(["void"], later.GetProperty("corrections").EnumerateArray().Select(c => c.GetProperty("action").GetString()));
        var audit = Assert.Single(await AuditAsync("T-1"));
        Assert.Equal(("void", "Olga Ops", "MET"), (Text(audit, "action"), Text(audit, "actor"), Text(audit["before"]!, "status")));
        Assert.Equal(("wrong-ticket", TestSetup.Carrier, "scanned on the wrong ticket"),
            (Text(audit["after"]!, "eventId"), Text(audit["after"]!, "carrier"), Text(audit["after"]!, "reason")));
    }

    [Fact]
    public async Task An_event_id_used_by_two_carriers_is_voided_only_with_its_carrier_named()
    {
        using (var carrier = await _admin.PutAsJsonAsync($"/api/v1/carriers/{OtherCarrier}", new JsonObject { ["name"] = "Swift Air", ["secret"] = OtherSecret, ["format"] = "canonical", ["customers"] = new JsonArray("*") }))
        {
            Assert.True(carrier.IsSuccessStatusCode);
        }

        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(1)));
        await PostAsync(SignedEvents.Event("T-1", "shipment", "PICKED_UP", Now - Duration.FromMinutes(30), "scan-1"));
        using (var other = await SignedEvents.PostAsync(_carrier, SignedEvents.Event("T-1", "shipment", "DELAYED", Now - Duration.FromMinutes(20), "scan-1"), Now, OtherCarrier, OtherSecret))
        {
            Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        }

        await Eventually.UntilAsync(() => PromiseReads.GetAsync(_admin, "T-1"), p => p.ValueKind == JsonValueKind.Object && p.GetProperty("timeline").GetArrayLength() == 3, "both scans");

        using var ambiguous = await _ops.PostAsJsonAsync("/api/v1/promises/T-1/events/scan-1/void", new { reason = "duplicate scan" });
        using var named = await _ops.PostAsJsonAsync($"/api/v1/promises/T-1/events/scan-1/void?carrier={OtherCarrier}", new { reason = "duplicate scan" });
        using var again = await _ops.PostAsJsonAsync($"/api/v1/promises/T-1/events/scan-1/void?carrier={OtherCarrier}", new { reason = "duplicate scan" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ambiguous.StatusCode);
        Assert.Equal(["carrier"], await ErrorFieldsAsync(ambiguous));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var timeline = (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal([(TestSetup.Carrier, false), (OtherCarrier, true)],
            timeline.Where(e => e.GetProperty("eventId").GetString() == "scan-1").Select(e => (e.GetProperty("carrier").GetString(), e.TryGetProperty("void", out _))));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Closing_by_hand_closes_the_promise_missed_resolves_its_escalation_and_a_later_event_keeps_it_closed()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(5)));
        await EscalationReads.UntilAsync(_admin, "T-1", e => e.GetProperty("state").GetString() == "open");

        using var closed = await _ops.PostAsJsonAsync("/api/v1/promises/T-1/corrections", new { action = "close", at = Now.ToString(), reason = "technician on site, scan lost" });
        var escalation = await EscalationReads.UntilAsync(_admin, "T-1", e => e.GetProperty("state").GetString() == "resolved", "resolved");
        using var twice = await _ops.PostAsJsonAsync("/api/v1/promises/T-1/corrections", new { action = "close", reason = "again" });
        await PostAsync(SignedEvents.Event("T-1", "shipment", "IN_TRANSIT", Now));
        var later = await Eventually.UntilAsync(
            () => PromiseReads.GetAsync(_admin, "T-1"),
            p => p.GetProperty("timeline").GetArrayLength() == 2 && p.GetProperty("stage").GetString() == "IN_TRANSIT", "the later event applied");

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var view = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("MISSED", "2026-11-23T10:00:00+01:00"), (view.GetProperty("status").GetString(), view.GetProperty("closedAt").GetString()));
        Assert.Equal("MISSED", escalation.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(("MISSED", "2026-11-23T10:00:00+01:00"), (later.GetProperty("status").GetString(), later.GetProperty("closedAt").GetString()));
        var correction = Assert.Single(later.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("close", "Olga Ops", "technician on site, scan lost"),
            (correction.GetProperty("action").GetString(), correction.GetProperty("by").GetString(), correction.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Reopening_a_promise_closed_before_its_deadline_passed_breaches_it_and_opens_an_escalation()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(5)));
        await PostAsync(SignedEvents.Event("T-1", "repair", TestSetup.FulfilledBy, Now - Duration.FromHours(4.5)));
        await PromiseReads.UntilStatusAsync(_admin, "T-1", "MET");

        using var reopened = await _admin.PostAsJsonAsync("/api/v1/promises/T-1/corrections", new { action = "reopen", reason = "technician left without fitting the part" });
        var escalation = await EscalationReads.UntilAsync(_admin, "T-1", e => e.GetProperty("state").GetString() == "open");
        using var twice = await _admin.PostAsJsonAsync("/api/v1/promises/T-1/corrections", new { action = "reopen", reason = "again" });

        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal("BREACHED", (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("BREACHED", escalation.GetProperty("promiseStatus").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(["reopen"], (await AuditAsync("T-1")).Select(e => Text(e, "action")));
    }

    [Fact]
    public async Task Moving_the_deadline_out_recovers_an_at_risk_promise_and_moving_it_in_makes_it_at_risk_again_and_a_later_event_keeps_it()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(230)));
        var first = await EscalationReads.UntilAsync(_admin, "T-1", e => e.GetProperty("state").GetString() == "open");

        using var moved = await _ops.PostAsJsonAsync("/api/v1/promises/T-1/corrections",
            new { action = "moveDeadline", deadline = "2026-11-23T18:00:00+01:00", reason = "customer agreed a later slot" });
        var recovered = await EscalationReads.UntilAsync(_admin, "T-1", e => e.GetProperty("state").GetString() == "resolved", "resolved");
        await PostAsync(SignedEvents.Event("T-1", "shipment", "PICKED_UP", Now));
        var later = await Eventually.UntilAsync(
            () => PromiseReads.GetAsync(_admin, "T-1"),
            p => p.GetProperty("timeline").GetArrayLength() == 2 && p.GetProperty("stage").GetString() == "IN_TRANSIT", "the later event applied");
        // A minute on, so the escalation that opens next is the ticket's latest by openedAt (opened in the same instant
        // as the first, the list's order between the two would be arbitrary).
        _app.Clock.Advance(Duration.FromMinutes(1));
        using var movedIn = await _ops.PostAsJsonAsync("/api/v1/promises/T-1/corrections",
            new { action = "moveDeadline", deadline = "2026-11-23T10:15:00+01:00", reason = "customer needs it sooner after all" });
        var second = await EscalationReads.UntilAsync(_admin, "T-1", e => e.GetProperty("state").GetString() == "open", "open again");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var movedOut = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("ON_TRACK", "2026-11-23T18:00:00+01:00"), (movedOut.GetProperty("status").GetString(), movedOut.GetProperty("deadline").GetString()));
        Assert.Equal(first.GetProperty("id").GetGuid(), recovered.GetProperty("id").GetGuid());
        Assert.Equal(("ON_TRACK", "2026-11-23T18:00:00+01:00"), (later.GetProperty("status").GetString(), later.GetProperty("deadline").GetString()));
        var movedInView = await movedIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("AT_RISK", "2026-11-23T10:15:00+01:00"), (movedInView.GetProperty("status").GetString(), movedInView.GetProperty("deadline").GetString()));
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(["moveDeadline", "moveDeadline"], (await AuditAsync("T-1")).Select(e => Text(e, "action")));
    }

    [Theory]
    [InlineData("""{ "action": "undo", "reason": "x" }""", "action")]
    [InlineData("""{ "action": "close" }""", "reason")]
    [InlineData("""{ "action": "close", "at": "2026-11-23T11:00:00+01:00", "reason": "x" }""", "at")]
    [InlineData("""{ "action": "moveDeadline", "reason": "x" }""", "deadline")]
    [InlineData("""{ "action": "moveDeadline", "deadline": "2026-11-22T10:00:00+01:00", "reason": "x" }""", "deadline")]
    public async Task An_invalid_correction_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(1)));
        await PromiseReads.UntilStatusAsync(_admin, "T-1", "ON_TRACK");

        using var response = await _ops.PostAsync("/api/v1/promises/T-1/corrections", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], await ErrorFieldsAsync(response));
        Assert.Empty((await PromiseReads.GetAsync(_admin, "T-1")).GetProperty("corrections").EnumerateArray());
        Assert.Empty(await AuditAsync("T-1"));
    }

    [Fact]
    public async Task The_opened_event_cannot_be_voided_and_an_unknown_event_or_promise_is_not_found()
    {
        var opened = SignedEvents.Opened("T-1", Now - Duration.FromHours(1));
        await PostAsync(opened);
        await PromiseReads.UntilStatusAsync(_admin, "T-1", "ON_TRACK");

        using var openedVoid = await _ops.PostAsJsonAsync($"/api/v1/promises/T-1/events/{(string)opened["eventId"]!}/void", new { reason = "x" });
        using var unknownEvent = await _ops.PostAsJsonAsync("/api/v1/promises/T-1/events/nope/void", new { reason = "x" });
        using var unknownPromise = await _ops.PostAsJsonAsync("/api/v1/promises/T-404/corrections", new { action = "close", reason = "x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, openedVoid.StatusCode);
        Assert.Equal(["eventId"], await ErrorFieldsAsync(openedVoid));
        Assert.Equal(HttpStatusCode.NotFound, unknownEvent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPromise.StatusCode);
    }

    [Fact]
    public async Task An_account_manager_cannot_correct_even_their_own_customers_promise_and_does_not_see_another_customers()
    {
        var otherCustomer = TestSetup.CustomerBody();
        otherCustomer["name"] = "Other Co";
        using (var put = await _admin.PutAsJsonAsync("/api/v1/customers/OTHERCO", otherCustomer))
        {
            Assert.True(put.IsSuccessStatusCode);
        }

        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(1)));
        var other = SignedEvents.Opened("T-OTHER", Now - Duration.FromHours(1));
        other["opened"]!["customer"] = "OTHERCO";
        await PostAsync(other);
        await PromiseReads.UntilStatusAsync(_admin, "T-OTHER", "ON_TRACK");
        using var manager = _app.CreateClient();
        manager.DefaultRequestHeaders.Authorization = new("Bearer", ManagerKey);

        using var close = await manager.PostAsJsonAsync("/api/v1/promises/T-1/corrections", new { action = "close", reason = "x" });
        using var voidIt = await manager.PostAsJsonAsync("/api/v1/promises/T-1/events/x/void", new { reason = "x" });
        using var another = await manager.GetAsync("/api/v1/promises/T-OTHER");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (close.StatusCode, voidIt.StatusCode, another.StatusCode));
        Assert.Equal("ON_TRACK", (await PromiseReads.GetAsync(_admin, "T-1")).GetProperty("status").GetString());
    }

    private async Task PostAsync(JsonNode body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<List<JsonNode>> AuditAsync(string ticketRef) =>
        (await _admin.GetFromJsonAsync<JsonNode>($"/api/v1/audit?entity=promise/{ticketRef}"))!["items"]!.AsArray().Select(e => e!).ToList();

    private static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject().Select(e => e.Key).ToList();

    private static string? Text(JsonNode node, string property) => node[property]?.GetValue<string>();
}
