using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Server.Notifications;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>Escalations driven by the engine and the wake-up timer on a fake clock: ladder, acknowledgement, auto-resolve, grouping, email.</summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"slamonitor-mail-{Guid.NewGuid():N}");
    private readonly SlaApp _app;
    private HttpClient _carrier = null!;
    private HttpClient _admin = null!;

    public EscalationTests() => _app = new SlaApp(settings: new Dictionary<string, string?>
    {
        ["Scheduling:Wakeups:MaxSleep"] = "00:00:00.050",
        ["Notifications:Smtp:PickupDirectory"] = _pickup,
        ["Escalations:BoardUrl"] = "https://board.example.com",
    });

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _carrier = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
        var policy = TestSetup.PolicyWithLadderBody();
        using var response = await _admin.PutAsJsonAsync($"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    [Fact]
    public async Task An_at_risk_promise_opens_one_escalation_that_climbs_to_the_account_manager_at_the_right_second()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(220)));
        var opened = await EscalationAsync("T-1", e => e.GetProperty("level").GetInt32() == 1);

        _app.Clock.Advance(Duration.FromMinutes(15) - Duration.FromSeconds(1));
        await Task.Delay(500);
        var before = await EscalationAsync("T-1", _ => true);
        _app.Clock.Advance(Duration.FromSeconds(1));
        var climbed = await EscalationAsync("T-1", e => e.GetProperty("level").GetInt32() == 2);

        Assert.Equal(("open", "AT_RISK"), (opened.GetProperty("state").GetString(), opened.GetProperty("promiseStatus").GetString()));
        Assert.Equal(1, before.GetProperty("level").GetInt32());
        Assert.Equal(opened.GetProperty("id").GetGuid(), climbed.GetProperty("id").GetGuid());
        var mail = await Eventually.UntilAsync(
            () => Task.FromResult(Directory.Exists(_pickup) ? Directory.GetFiles(_pickup, "*.eml") : []), f => f.Length > 0, "an email in the pickup folder");
        var text = await File.ReadAllTextAsync(Assert.Single(mail));
        Assert.Contains("dana@example.com", text, StringComparison.Ordinal);
        Assert.Contains("T-1", text, StringComparison.Ordinal);
        Assert.Contains("ACME Corp", text, StringComparison.Ordinal);
        Assert.Contains("https://board.example.com/promise/T-1", text, StringComparison.Ordinal);
        Assert.Contains("text/html", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_link_in_an_alert_email_opens_the_promise_page()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(220)));
        await EscalationAsync("T-1", e => e.GetProperty("level").GetInt32() == 1);
        _app.Clock.Advance(Duration.FromMinutes(15));
        var mail = await Eventually.UntilAsync(
            () => Task.FromResult(Directory.Exists(_pickup) ? Directory.GetFiles(_pickup, "*.eml") : []), f => f.Length > 0, "an email in the pickup folder");
        var message = await MimeKit.MimeMessage.LoadAsync(Assert.Single(mail));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https://board\.example\.com/\S+").Value);

        using var page = await _admin.GetAsync(link.PathAndQuery);

        Assert.Equal("/promise/T-1", link.AbsolutePath);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("promise.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledged_escalation_stops_climbing_names_the_key_not_the_body_and_a_resolved_one_cannot_be_acknowledged()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(220)));
        var id = (await EscalationAsync("T-1", _ => true)).GetProperty("id").GetGuid();

        using var ack = await _admin.PostAsJsonAsync($"/api/v1/escalations/{id}/acknowledge", new { by = "ops-anna", note = "calling the carrier" });
        using var assign = await _admin.PostAsJsonAsync($"/api/v1/escalations/{id}/assign", new { to = "ops-ben" });
        _app.Clock.Advance(Duration.FromMinutes(20));
        await Task.Delay(500);
        var after = await EscalationAsync("T-1", _ => true);
        using var resolve = await _admin.PostAsync($"/api/v1/escalations/{id}/resolve", null);
        using var again = await _admin.PostAsJsonAsync($"/api/v1/escalations/{id}/acknowledge", new { note = "again" });
        using var unknown = await _admin.GetAsync($"/api/v1/escalations/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal((1, "acknowledged", "developer", "ops-ben"), (after.GetProperty("level").GetInt32(), after.GetProperty("state").GetString(),
            after.GetProperty("acknowledgedBy").GetString(), after.GetProperty("assignedTo").GetString()));
        Assert.Equal("PT0S", after.GetProperty("timeToAcknowledge").GetString());
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_promise_met_after_its_escalation_resolves_it_met_and_counts_a_breach_prevented()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(220)));
        await EscalationAsync("T-1", _ => true);

        await PostAsync(SignedEvents.Event("T-1", "repair", TestSetup.FulfilledBy, Now));
        var resolved = await EscalationAsync("T-1", e => e.GetProperty("state").GetString() == "resolved");
        var metrics = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/escalations/metrics");

        Assert.Equal("MET", resolved.GetProperty("outcome").GetString());
        Assert.Equal(1, metrics.GetProperty("breachesPrevented").GetInt32());
        Assert.Equal("PT20M", metrics.GetProperty("medianLeadTime").GetString());
    }

    [Fact]
    public async Task A_storm_of_events_for_one_at_risk_promise_opens_a_single_escalation()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(220)));
        var storm = Enumerable.Range(0, 40)
            .Select(i => (JsonNode)SignedEvents.Event("T-1", "shipment", "IN_TRANSIT", Now - Duration.FromMinutes(100 - i), $"storm-{i}"))
            .ToArray();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await SignedEvents.PostAsync(_carrier, SignedEvents.Batch(storm), Now);
        }));
        await EscalationAsync("T-1", _ => true);
        await Task.Delay(300);

        var all = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/escalations");

        Assert.Equal(1, all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Two_hundred_at_risk_promises_of_one_carrier_and_region_form_one_incident_and_one_email()
    {
        var opened = Enumerable.Range(0, 200).Select(i => (JsonNode)SignedEvents.Opened($"T-{i}", Now - Duration.FromMinutes(220))).ToArray();
        await PostAsync(SignedEvents.Batch(opened));
        var page = await Eventually.UntilAsync(
            () => _admin.GetFromJsonAsync<JsonElement>("/api/v1/escalations?state=open&limit=1000"),
            p => p.GetProperty("total").GetInt32() == 200, "200 open escalations");

        _app.Clock.Advance(Duration.FromMinutes(15));
        await Eventually.UntilAsync(
            () => _admin.GetFromJsonAsync<JsonElement>("/api/v1/escalations?state=open&limit=1000"),
            p => p.GetProperty("items").EnumerateArray().All(e => e.GetProperty("level").GetInt32() == 2), "all 200 at level 2");
        await Task.Delay(300);

        var incidents = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("incidentId").GetGuid()).Distinct();
        Assert.Single(incidents);
        var mail = Assert.Single(Directory.GetFiles(_pickup, "*.eml"));
        Assert.Contains("200 promises", await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_with_an_unknown_state_is_422_naming_the_field()
    {
        using var response = await _admin.GetAsync("/api/v1/escalations?state=sleeping");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"state\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_emails_each_account_manager_every_unresolved_escalation_of_their_customers()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(220)));
        await PostAsync(SignedEvents.Opened("T-2", Now - Duration.FromMinutes(225)));
        await EscalationAsync("T-1", _ => true);
        await EscalationAsync("T-2", _ => true);
        var before = Directory.Exists(_pickup) ? Directory.GetFiles(_pickup, "*.eml").Length : 0;

        await using var scope = _app.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<AlertDigest>().SendAsync(Now, TestContext.Current.CancellationToken);

        Assert.Equal(1, sent);
        var mails = Directory.GetFiles(_pickup, "*.eml");
        Assert.Equal(before + 1, mails.Length);
        var text = await File.ReadAllTextAsync(mails.OrderBy(File.GetLastWriteTimeUtc).Last(), TestContext.Current.CancellationToken);
        Assert.Contains("Digest: 2 open escalations", text, StringComparison.Ordinal);
        Assert.Contains("dana@example.com", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("T-2", StringComparison.Ordinal) < text.IndexOf("T-1", StringComparison.Ordinal), "most urgent (earliest deadline) first");
    }

    private async Task PostAsync(JsonObject body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<JsonElement> EscalationAsync(string ticketRef, Func<JsonElement, bool> done) => EscalationReads.UntilAsync(_admin, ticketRef, done);
}
