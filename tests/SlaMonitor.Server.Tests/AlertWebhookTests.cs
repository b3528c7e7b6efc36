using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Notifications;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Alerts posted to a customer's alertWebhook (a real listener on loopback): signed with the customer's secrets,
/// and only to targets the <see cref="AlertTargetPolicy"/> allows.
/// </summary>
public sealed class AlertWebhookTests : IAsyncLifetime
{
    private const string Secret = "acme-alert-secret-0001";
    private const string NewSecret = "acme-alert-secret-0002";
    private static readonly Duration Tolerance = Duration.FromMinutes(5);
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"slamonitor-mail-{Guid.NewGuid():N}");
    private AlertReceiver _receiver = null!;
    private SlaApp? _app;

    public async ValueTask InitializeAsync() => _receiver = await AlertReceiver.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _receiver.DisposeAsync();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    [Fact]
    public async Task A_changed_alert_secret_signs_with_two_v1_values_until_the_previous_one_is_retired_and_then_with_one()
    {
        var admin = await StartAsync(allowReceiver: true);
        await PutCustomerAsync(admin, _receiver.Url, Secret);
        await PutCustomerAsync(admin, _receiver.Url, NewSecret);

        var rotating = await AlertAsync(admin, "T-1");
        (await admin.DeleteAsync($"/api/v1/customers/{TestSetup.Customer}/previous-alert-secret")).EnsureSuccessStatusCode();
        var retired = await AlertAsync(admin, "T-2");

        Assert.Equal(2, V1Values(rotating.Request.Signature));
        Assert.True(Verifies(rotating, NewSecret), "the new secret verifies while rotating");
        Assert.True(Verifies(rotating, Secret), "the previous secret verifies while rotating");
        Assert.Equal(1, V1Values(retired.Request.Signature));
        Assert.True(Verifies(retired, NewSecret), "the new secret verifies once the previous one is retired");
        Assert.False(Verifies(retired, Secret), "the retired secret no longer verifies");
    }

    [Fact]
    public async Task An_alert_to_a_loopback_receiver_not_in_the_allowed_targets_is_refused_at_connect_once_and_logged_as_failed()
    {
        var admin = await StartAsync(allowReceiver: false);
        await PutCustomerAsync(admin, _receiver.Url, Secret);

        var log = await EscalateAndReadLogAsync(admin, "T-1");

        var refused = Assert.Single(log);
        Assert.Equal(("failed", (int?)null), (refused.Result, refused.StatusCode));
        Assert.Contains("loopback", refused.Detail, StringComparison.Ordinal);
        Assert.Contains(AlertTargetPolicy.AllowedTargetsKey, refused.Detail, StringComparison.Ordinal);
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task A_redirect_from_the_alert_webhook_is_not_followed_and_logged_as_failed()
    {
        var admin = await StartAsync(allowReceiver: true);
        await PutCustomerAsync(admin, _receiver.MovedUrl, Secret);

        var log = await EscalateAndReadLogAsync(admin, "T-1");

        var moved = Assert.Single(log);
        Assert.Equal(("failed", (int?)307), (moved.Result, moved.StatusCode));
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task Outside_development_an_alert_to_a_stored_http_webhook_is_not_sent_and_says_why()
    {
        _app = new SlaApp("Production", new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = "prod-admin-key-0123456789",
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Notifications:Smtp:Host"] = "smtp.example.com",
        });
        var client = _app.Services.GetRequiredService<AlertWebhookClient>();

        var attempts = await client.Post(_receiver.Url, "{}", [Secret], TestContext.Current.CancellationToken);

        var notSent = Assert.Single(attempts);
        Assert.Equal((0, (int?)null), (notSent.Number, notSent.StatusCode));
        Assert.Contains("https", notSent.Error, StringComparison.Ordinal);
        Assert.Empty(_receiver.Requests);
    }

    private async Task<HttpClient> StartAsync(bool allowReceiver)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduling:Wakeups:MaxSleep"] = "00:00:00.050",
            ["Notifications:Smtp:PickupDirectory"] = _pickup,
            ["Notifications:Webhook:RetryDelay"] = "00:00:00.010",
        };
        if (allowReceiver)
        {
            settings["Notifications:Webhook:AllowedTargets:0"] = _receiver.Target;
        }

        _app = new SlaApp(settings: settings);
        var admin = _app.Admin();
        await TestSetup.ConfigureAsync(admin);
        var policy = TestSetup.PolicyBody();
        policy["escalation"] = new JsonArray(
            new JsonObject { ["level"] = 1, ["notify"] = "board", ["after"] = "PT0M" },
            new JsonObject { ["level"] = 2, ["notify"] = "accountManager", ["after"] = "PT15M" });
        using var response = await admin.PutAsJsonAsync($"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return admin;
    }

    private static async Task PutCustomerAsync(HttpClient admin, Uri webhook, string secret)
    {
        var body = TestSetup.CustomerBody();
        body["alertWebhook"] = webhook.ToString();
        body["alertSecret"] = secret;
        using var response = await admin.PutAsJsonAsync($"/api/v1/customers/{TestSetup.Customer}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens an at-risk promise and lets its escalation climb to the account managers; returns the escalation's id.</summary>
    private async Task<Guid> EscalateAsync(HttpClient admin, string ticketRef)
    {
        var now = _app!.Clock.GetCurrentInstant();
        using var carrier = _app.CreateClient();
        using var posted = await SignedEvents.PostAsync(carrier, SignedEvents.Opened(ticketRef, now - Duration.FromMinutes(220)), now);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await EscalationAsync(admin, ticketRef, 1);
        _app.Clock.Advance(Duration.FromMinutes(15));
        return (await EscalationAsync(admin, ticketRef, 2)).GetProperty("id").GetGuid();
    }

    /// <summary>The alert about the ticket, and the (fake) time it was received at, to check its signature's age against.</summary>
    private async Task<(AlertReceiver.Request Request, Instant At)> AlertAsync(HttpClient admin, string ticketRef)
    {
        await EscalateAsync(admin, ticketRef);
        var request = await Eventually.UntilAsync(
            () => Task.FromResult(_receiver.Requests.FirstOrDefault(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("ticketRef").GetString() == ticketRef)),
            r => r is not null, $"the alert about {ticketRef} at the receiver");
        return (request!, _app!.Clock.GetCurrentInstant());
    }

    /// <summary>The webhook rows of the escalation's delivery log, once they have settled (a retry would show within the wait).</summary>
    private async Task<List<NotificationDelivery>> EscalateAndReadLogAsync(HttpClient admin, string ticketRef)
    {
        var id = await EscalateAsync(admin, ticketRef);
        await Eventually.UntilAsync(() => WebhookLogAsync(id), log => log.Count > 0, $"a webhook row for {ticketRef} in the delivery log");
        await Task.Delay(500);
        return await WebhookLogAsync(id);
    }

    private async Task<List<NotificationDelivery>> WebhookLogAsync(Guid escalationId)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaDbContext>().NotificationDeliveries.AsNoTracking()
            .Where(d => d.EscalationId == escalationId && d.Channel == "webhook").OrderBy(d => d.Attempt).ToListAsync();
    }

    private static Task<JsonElement> EscalationAsync(HttpClient admin, string ticketRef, int level) =>
        Eventually.UntilAsync(
            async () =>
            {
                var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/escalations?limit=1000");
                return page.GetProperty("items").EnumerateArray().LastOrDefault(e => e.GetProperty("ticketRef").GetString() == ticketRef);
            },
            e => e.ValueKind == JsonValueKind.Object && e.GetProperty("level").GetInt32() == level,
            $"the escalation of {ticketRef} at level {level}");

    private static int V1Values(string? signature) =>
        (signature ?? "").Split(',').Count(part => part.StartsWith("v1=", StringComparison.Ordinal));

    private static bool Verifies((AlertReceiver.Request Request, Instant At) alert, string secret) =>
        WebhookSignature.Verify(alert.Request.Signature, [secret], alert.Request.Body, alert.At, Tolerance);
}
