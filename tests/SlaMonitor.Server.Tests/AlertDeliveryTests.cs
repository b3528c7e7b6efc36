using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>Alerts are rows saved with the escalation change and delivered by the alert dispatcher, off the ingest path.</summary>
public sealed class AlertDeliveryTests : IAsyncLifetime
{
    private const string Globex = "GLOBEX";
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"slamonitor-mail-{Guid.NewGuid():N}");
    private readonly LoopbackReceiver _answering = LoopbackReceiver.Start();
    private readonly LoopbackReceiver _hanging = LoopbackReceiver.Start(hang: true);
    private readonly int _refusing = LoopbackReceiver.FreePort();
    private readonly SlaApp _app;
    private HttpClient _carrier = null!;
    private HttpClient _admin = null!;

    public AlertDeliveryTests() => _app = new SlaApp(settings: new Dictionary<string, string?>
    {
        ["Scheduling:Wakeups:MaxSleep"] = "00:00:00.050",
        ["Notifications:Smtp:PickupDirectory"] = _pickup,
        ["Notifications:Webhook:MaxRetries"] = "0",
        ["Notifications:Webhook:Timeout"] = "00:02:00",
        ["Notifications:Alerts:MaxAttempts"] = "3",
        ["Notifications:Alerts:FirstRetry"] = "00:01:00",
        ["Notifications:Alerts:PollEvery"] = "00:00:00.050",
        ["Notifications:Webhook:AllowedTargets:0"] = $"127.0.0.1:{_answering.Port}",
        ["Notifications:Webhook:AllowedTargets:1"] = $"127.0.0.1:{_hanging.Port}",
        ["Notifications:Webhook:AllowedTargets:2"] = $"127.0.0.1:{_refusing}",
    });

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _carrier = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
        var policy = TestSetup.PolicyWithLadderBody();
        await PutAsync($"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _answering.DisposeAsync();
        await _hanging.DisposeAsync();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    [Fact]
    public async Task An_alert_whose_webhook_keeps_failing_is_retried_with_back_off_then_given_up_always_with_the_same_id_and_the_escalation_says_so()
    {
        await CustomerAsync(TestSetup.Customer, "dana@example.com", new Uri($"http://127.0.0.1:{_refusing}/alerts"));
        await OpenAndClimbAsync("T-1");

        var firstAt = Now;
        var first = await AlertAsync(a => a.Attempts == 1, "the first try recorded");
        var shownRetrying = await EscalationAsync("T-1", e => e.TryGetProperty("alertState", out var s) && s.GetString() == AlertStates.Retrying);
        _app.Clock.Advance(Duration.FromMinutes(1));
        var secondAt = Now;
        var second = await AlertAsync(a => a.Attempts == 2, "the second try recorded");
        _app.Clock.Advance(Duration.FromMinutes(2));
        var last = await AlertAsync(a => a.Attempts == 3, "the third try recorded");
        var shownFailed = await EscalationAsync("T-1", e => e.TryGetProperty("alertState", out var s) && s.GetString() == AlertStates.Failed);

        Assert.Equal((AlertStates.Pending, firstAt + Duration.FromMinutes(1)), (first.State, Instant.FromDateTimeUtc(first.NextAttemptAt)));
        Assert.Equal((AlertStates.Pending, secondAt + Duration.FromMinutes(2)), (second.State, Instant.FromDateTimeUtc(second.NextAttemptAt)));
        Assert.Equal(AlertStates.Failed, last.State);
        Assert.Equal((2, 2), (shownRetrying.GetProperty("level").GetInt32(), shownFailed.GetProperty("level").GetInt32()));
        Assert.Contains("webhook", last.LastError, StringComparison.Ordinal);
        var ids = Directory.GetFiles(_pickup, "*.eml").Select(f => MimeKit.MimeMessage.Load(f).MessageId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.StartsWith($"{last.Id:N}.", Assert.Single(ids.Distinct()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_endpoint_that_hangs_delays_only_its_own_alerts_and_not_the_events_behind_them()
    {
        await CustomerAsync(TestSetup.Customer, "dana@example.com", _hanging.Url);
        await CustomerAsync(Globex, "lee@example.com", _answering.Url);
        await PostAsync(SignedEvents.Opened("T-ACME", Now - Duration.FromMinutes(220)));
        await PostAsync(OpenedFor(Globex, "T-GLOBEX", Now - Duration.FromMinutes(220)));
        await EscalationAsync("T-ACME", e => e.GetProperty("level").GetInt32() == 1);
        await EscalationAsync("T-GLOBEX", e => e.GetProperty("level").GetInt32() == 1);

        _app.Clock.Advance(Duration.FromMinutes(15));
        var told = await Eventually.UntilAsync(
            () => Task.FromResult(_answering.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList()),
            bodies => bodies.Any(b => b.GetProperty("ticketRef").GetString() == "T-GLOBEX"), "GLOBEX's alert at its endpoint");
        await PostAsync(SignedEvents.Opened("T-ACME-2", Now));
        using var opened = await Eventually.UntilAsync(() => _admin.GetAsync("/api/v1/promises/T-ACME-2"), r => r.StatusCode == HttpStatusCode.OK, "the next ACME promise");

        // ACME's send begins (and hangs) in its own turn; GLOBEX's is recorded a moment after its endpoint has the body.
        var acme = await Eventually.UntilAsync(
            AlertsAsync,
            // Any, not Single: under load ACME's climb (its alert row) may be processed after GLOBEX's alert was told.
            alerts => alerts.Any(a => a.Destination == Globex && a.State != AlertStates.Sending) && alerts.Any(a => a.Destination == TestSetup.Customer && a.State == AlertStates.Sending),
            "GLOBEX's alert recorded while ACME's hangs");
        Assert.Equal(AlertStates.Sending, acme.Single(a => a.Destination == TestSetup.Customer).State);
        Assert.Equal(AlertStates.Sent, acme.Single(a => a.Destination == Globex).State);
        Assert.Equal(acme.Single(a => a.Destination == Globex).Id, told.Single(b => b.GetProperty("ticketRef").GetString() == "T-GLOBEX").GetProperty("alertId").GetGuid());
    }

    [Fact]
    public async Task A_re_notification_waits_while_the_escalations_earlier_alert_is_retrying_so_its_emails_leave_in_order()
    {
        await CustomerAsync(TestSetup.Customer, "dana@example.com", new Uri($"http://127.0.0.1:{_refusing}/alerts"));
        await OpenAndClimbAsync("T-1");
        var first = await AlertAsync(a => a.Attempts == 1, "the first try recorded");
        // The second try just before the re-notification (15 minutes after the climb), the third due 2 minutes later.
        _app.Clock.Advance(Duration.FromMinutes(14) + Duration.FromSeconds(30));
        await Eventually.UntilAsync(AlertsAsync, a => a.Single().Attempts == 2, "the second try recorded");
        _app.Clock.Advance(Duration.FromSeconds(30));
        await Eventually.UntilAsync(AlertsAsync, a => a.Count == 2, "the re-notification's alert queued");
        _app.Clock.Advance(Duration.FromMinutes(2));
        var alerts = await Eventually.UntilAsync(AlertsAsync, a => a.Count == 2 && a.All(x => x.Attempts >= 1), "both alerts tried");

        var second = alerts.Single(a => a.Id != first.Id);
        Assert.Equal((AlertStates.Failed, 3), (alerts.Single(a => a.Id == first.Id).State, alerts.Single(a => a.Id == first.Id).Attempts));
        var sent = Directory.GetFiles(_pickup, "*.eml").Select(f => (Time: File.GetLastWriteTimeUtc(f), Id: MimeKit.MimeMessage.Load(f).MessageId))
            .OrderBy(m => m.Time).Select(m => (m.Id ?? "").Split('.')[0]).ToList();
        Assert.Equal([.. Enumerable.Repeat(first.Id.ToString("N"), 3), second.Id.ToString("N")], sent);
    }

    [Fact]
    public void An_alert_id_is_the_same_for_the_same_notification_of_an_escalation_and_differs_otherwise()
    {
        var escalation = Guid.CreateVersion7();

        Assert.Equal(AlertRows.IdOf(escalation, 2), AlertRows.IdOf(escalation, 2));
        Assert.NotEqual(AlertRows.IdOf(escalation, 2), AlertRows.IdOf(escalation, 3));
        Assert.NotEqual(AlertRows.IdOf(escalation, 2), AlertRows.IdOf(Guid.CreateVersion7(), 2));
        Assert.Equal(8, AlertRows.IdOf(escalation, 2).Version);
    }

    private async Task OpenAndClimbAsync(string ticketRef)
    {
        await PostAsync(SignedEvents.Opened(ticketRef, Now - Duration.FromMinutes(220)));
        await EscalationAsync(ticketRef, e => e.GetProperty("level").GetInt32() == 1);
        _app.Clock.Advance(Duration.FromMinutes(15));
        await EscalationAsync(ticketRef, e => e.GetProperty("level").GetInt32() == 2);
    }

    private async Task CustomerAsync(string code, string manager, Uri alertWebhook) =>
        await PutAsync($"/api/v1/customers/{code}", new JsonObject
        {
            ["name"] = code,
            ["accountManagers"] = new JsonArray(new JsonObject { ["name"] = manager, ["email"] = manager }),
            ["alertWebhook"] = alertWebhook.ToString(),
            ["alertSecret"] = $"{code.ToLowerInvariant()}-alert-secret-0123456789",
        });

    private static JsonObject OpenedFor(string customer, string ticketRef, Instant at)
    {
        var body = SignedEvents.Opened(ticketRef, at);
        body["opened"]!["customer"] = customer;
        return body;
    }

    private async Task<Alert> AlertAsync(Func<Alert, bool> done, string what) =>
        (await Eventually.UntilAsync(AlertsAsync, alerts => alerts.Count == 1 && done(alerts[0]), what))[0];

    private async Task<List<Alert>> AlertsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaDbContext>().Alerts.AsNoTracking().ToListAsync();
    }

    private async Task PutAsync(string path, JsonObject body)
    {
        using var response = await _admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task PostAsync(JsonObject body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<JsonElement> EscalationAsync(string ticketRef, Func<JsonElement, bool> done) => EscalationReads.UntilAsync(_admin, ticketRef, done);
}
