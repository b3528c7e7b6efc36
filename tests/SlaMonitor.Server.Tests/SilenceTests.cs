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

/// <summary>A silence mutes the alerts of the escalations it covers for its window; they still open and climb.</summary>
public sealed class SilenceTests : IAsyncLifetime
{
    private const string OtherCarrier = "SWIFTAIR";
    private const string OtherSecret = "test-secret-swiftair-0001";
    private const string OpsKey = "ops-key-0123456789";
    private const string ManagerKey = "manager-key-0123456789";
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"slamonitor-mail-{Guid.NewGuid():N}");
    private readonly LoopbackReceiver _receiver = LoopbackReceiver.Start();
    private readonly SlaApp _app;
    private HttpClient _carrier = null!;
    private HttpClient _admin = null!;

    public SilenceTests() => _app = new SlaApp(settings: new Dictionary<string, string?>
    {
        ["Scheduling:Wakeups:MaxSleep"] = "00:00:00.050",
        ["Notifications:Smtp:PickupDirectory"] = _pickup,
        ["Notifications:Webhook:MaxRetries"] = "0",
        ["Notifications:Alerts:PollEvery"] = "00:00:00.050",
        ["Notifications:Webhook:AllowedTargets:0"] = $"127.0.0.1:{_receiver.Port}",
        ["Escalations:RenotifyFirst"] = "00:03:00",
        ["Auth:ApiKeys:0:Key"] = TestSetup.AdminKey,
        ["Auth:ApiKeys:0:Role"] = "admin",
        ["Auth:ApiKeys:1:Key"] = OpsKey,
        ["Auth:ApiKeys:1:Role"] = "ops",
        ["Auth:ApiKeys:1:Name"] = "Olga Ops",
        ["Auth:ApiKeys:2:Key"] = ManagerKey,
        ["Auth:ApiKeys:2:Role"] = "accountManager",
        ["Auth:ApiKeys:2:Customers:0"] = TestSetup.Customer,
    });

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _carrier = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
        var policy = TestSetup.PolicyWithLadderBody();
        await PutAsync($"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        await PutAsync($"/api/v1/carriers/{OtherCarrier}", new JsonObject { ["name"] = "Swift Air", ["secret"] = OtherSecret, ["format"] = "canonical", ["customers"] = new JsonArray("*") });
        await PutAsync($"/api/v1/customers/{TestSetup.Customer}", new JsonObject
        {
            ["name"] = "ACME Corp",
            ["accountManagers"] = new JsonArray(new JsonObject { ["name"] = "Dana", ["email"] = "dana@example.com" }),
            ["alertWebhook"] = _receiver.Url.ToString(),
            ["alertSecret"] = "acme-alert-secret-0123456789",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    [Fact]
    public async Task A_silence_over_a_carrier_for_ten_minutes_mutes_and_logs_its_alerts_and_when_it_ends_tells_each_still_open_escalation_once()
    {
        var start = Now;
        foreach (var ticketRef in new[] { "T-1", "T-2", "T-3" })
        {
            await OpenAsync(ticketRef, TestSetup.Carrier, TestSetup.CarrierSecret);
        }

        _app.Clock.Advance(Duration.FromMinutes(10));
        var silence = await CreateAsync(_admin, new JsonObject { ["carrier"] = TestSetup.Carrier }, Duration.FromMinutes(10));
        var until = start + Duration.FromMinutes(20);
        _app.Clock.Advance(Duration.FromMinutes(5)); // the climb to the account managers, inside the window
        await AlertsAsync(alerts => alerts.Count == 3 && alerts.All(a => a.SilenceId == silence && a.State == AlertStates.Pending), "three muted alerts");
        _app.Clock.Advance(Duration.FromMinutes(3)); // a re-notification of each, inside the window too
        var muted = await AlertsAsync(alerts => alerts.Count == 6 && alerts.All(a => a.SilenceId == silence && a.State == AlertStates.Pending), "six muted alerts");
        var shownSilenced = await EscalationAsync("T-1", e => AlertState(e) == AlertStates.Silenced);
        var silencedLog = await LogAsync("silenced");
        var bodiesInWindow = _receiver.Bodies.Count;
        var emailsInWindow = Directory.Exists(_pickup) ? Directory.GetFiles(_pickup, "*.eml").Length : 0;
        await ResolveAsync("T-3");

        _app.Clock.Advance(Duration.FromMinutes(3));
        var done = await AlertsAsync(alerts => alerts.All(a => a.State is AlertStates.Sent or AlertStates.Dropped), "every alert sent or dropped");
        var told = await Eventually.UntilAsync(
            () => Task.FromResult(_receiver.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList()), b => b.Count >= 2, "the webhooks after the window");
        var after = await EscalationAsync("T-1", e => AlertState(e) == AlertStates.Sent);

        Assert.Equal((0, 0), (bodiesInWindow, emailsInWindow));
        Assert.All(muted, a => Assert.Equal(until, Instant.FromDateTimeUtc(a.NextAttemptAt)));
        Assert.Equal(2, shownSilenced.GetProperty("level").GetInt32());
        Assert.Equal(until, Instant.FromDateTimeOffset(shownSilenced.GetProperty("silencedUntil").GetDateTimeOffset()));
        Assert.Equal(muted.Select(a => a.EscalationId).Order(), silencedLog.Select(d => d.EscalationId!.Value).Order());
        Assert.All(silencedLog, d => Assert.Contains(silence.ToString(), d.Detail, StringComparison.Ordinal));
        Assert.Equal("T-1 T-2", string.Join(' ', told.Select(b => b.GetProperty("ticketRef").GetString()).Order()));
        var latest = done.GroupBy(a => a.EscalationId).Select(g => g.MaxBy(a => a.CreatedAt)!.Id).ToHashSet();
        Assert.All(told, b => Assert.Contains(b.GetProperty("alertId").GetGuid(), latest));
        Assert.Equal(2, done.Count(a => a.State == AlertStates.Sent));
        Assert.Contains(await LogAsync("dropped"), d => d.Detail == "not sent: resolved during the silence");
        Assert.False(after.TryGetProperty("silencedUntil", out _));
    }

    [Fact]
    public async Task A_carrier_silence_does_not_mute_an_escalation_of_another_carrier()
    {
        await CreateAsync(_admin, new JsonObject { ["carrier"] = TestSetup.Carrier }, Duration.FromHours(1));
        await OpenAsync("T-OTHER", OtherCarrier, OtherSecret);

        _app.Clock.Advance(Duration.FromMinutes(15));
        var told = await Eventually.UntilAsync(
            () => Task.FromResult(_receiver.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList()), b => b.Count == 1, "the other carrier's alert");
        var shown = await EscalationAsync("T-OTHER", e => AlertState(e) == AlertStates.Sent);

        Assert.Equal("T-OTHER", told[0].GetProperty("ticketRef").GetString());
        Assert.Equal(OtherCarrier, shown.GetProperty("carrier").GetString());
        Assert.False(shown.TryGetProperty("silencedUntil", out _));
        Assert.Empty(await LogAsync("silenced"));
    }

    [Fact]
    public async Task Ending_a_silence_early_sends_the_alert_it_held_back_at_once()
    {
        var silence = await CreateAsync(_admin, new JsonObject { ["customer"] = TestSetup.Customer }, Duration.FromHours(2));
        await OpenAsync("T-1", TestSetup.Carrier, TestSetup.CarrierSecret);
        _app.Clock.Advance(Duration.FromMinutes(15));
        await AlertsAsync(alerts => alerts.Count == 1 && alerts[0].SilenceId == silence, "the muted alert");

        using var ended = await _admin.DeleteAsync($"/api/v1/silences/{silence}");
        var sent = await AlertsAsync(alerts => alerts.Count == 1 && alerts[0].State == AlertStates.Sent, "the alert sent");
        var active = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/silences?active=true");

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(Now, Instant.FromDateTimeOffset((await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endedAt").GetDateTimeOffset()));
        Assert.Equal(Now, Instant.FromDateTimeUtc(sent[0].SentAt!.Value));
        Assert.Single(_receiver.Bodies);
        Assert.Equal(0, active.GetArrayLength());
    }

    [Fact]
    public async Task A_silence_without_a_scope_or_reason_or_ending_before_it_starts_is_refused_naming_the_field()
    {
        var noScope = await RefusedAsync(new JsonObject { ["from"] = At(Now), ["until"] = At(Now + Duration.FromHours(1)), ["reason"] = "outage" });
        var noReason = await RefusedAsync(new JsonObject { ["carrier"] = TestSetup.Carrier, ["from"] = At(Now), ["until"] = At(Now + Duration.FromHours(1)) });
        var backwards = await RefusedAsync(new JsonObject { ["carrier"] = TestSetup.Carrier, ["from"] = At(Now), ["until"] = At(Now - Duration.FromHours(1)), ["reason"] = "outage" });
        var badCode = await RefusedAsync(new JsonObject { ["region"] = "E U", ["from"] = At(Now), ["until"] = At(Now + Duration.FromHours(1)), ["reason"] = new string('x', 2001) });

        Assert.Equal("carrier", string.Join(' ', noScope));
        Assert.Equal("reason", string.Join(' ', noReason));
        Assert.Equal("until", string.Join(' ', backwards));
        Assert.Equal("reason region", string.Join(' ', badCode.Order()));
    }

    [Fact]
    public async Task An_account_manager_key_cannot_create_or_end_a_silence_but_can_read_them_and_an_ops_key_creates_one_in_its_name()
    {
        using var manager = Client(ManagerKey);
        using var ops = Client(OpsKey);
        var scope = new JsonObject { ["carrier"] = TestSetup.Carrier };

        using var refused = await manager.PostAsJsonAsync("/api/v1/silences", Body(scope, Duration.FromHours(1)));
        using var created = await ops.PostAsJsonAsync("/api/v1/silences", Body(scope, Duration.FromHours(1)));
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var notEnded = await manager.DeleteAsync($"/api/v1/silences/{silence.GetProperty("id").GetGuid()}");
        var listed = await manager.GetFromJsonAsync<JsonElement>("/api/v1/silences?active=true");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("Olga Ops", true), (silence.GetProperty("createdBy").GetString(), silence.GetProperty("active").GetBoolean()));
        Assert.Equal(HttpStatusCode.Forbidden, notEnded.StatusCode);
        Assert.Equal(silence.GetProperty("id").GetGuid(), Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
    }

    private static string? AlertState(JsonElement escalation) =>
        escalation.TryGetProperty("alertState", out var state) ? state.GetString() : null;

    private HttpClient Client(string key)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private static string At(Instant instant) => instant.ToDateTimeOffset().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private JsonObject Body(JsonObject scope, Duration length)
    {
        var body = (JsonObject)scope.DeepClone();
        body["from"] = At(Now);
        body["until"] = At(Now + length);
        body["reason"] = "FastLane hub outage";
        return body;
    }

    private async Task<Guid> CreateAsync(HttpClient client, JsonObject scope, Duration length)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/silences", Body(scope, length));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<List<string>> RefusedAsync(JsonObject body)
    {
        using var response = await _admin.PostAsJsonAsync("/api/v1/silences", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
    }

    private async Task OpenAsync(string ticketRef, string carrier, string secret)
    {
        using var response = await SignedEvents.PostAsync(_carrier, SignedEvents.Opened(ticketRef, Now - Duration.FromMinutes(220)), Now, carrier, secret);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await EscalationAsync(ticketRef, e => e.GetProperty("level").GetInt32() == 1);
    }

    private async Task ResolveAsync(string ticketRef)
    {
        var escalation = await EscalationAsync(ticketRef, _ => true);
        using var response = await _admin.PostAsync($"/api/v1/escalations/{escalation.GetProperty("id").GetGuid()}/resolve", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<Alert>> AlertsAsync(Func<List<Alert>, bool> done, string what) =>
        await Eventually.UntilAsync(
            async () =>
            {
                await using var scope = _app.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<SlaDbContext>().Alerts.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync();
            },
            done, what);

    private async Task<List<NotificationDelivery>> LogAsync(string result)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaDbContext>().NotificationDeliveries.AsNoTracking().Where(d => d.Result == result).ToListAsync();
    }

    private async Task PutAsync(string path, JsonObject body)
    {
        using var response = await _admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<JsonElement> EscalationAsync(string ticketRef, Func<JsonElement, bool> done) =>
        Eventually.UntilAsync(
            async () =>
            {
                var page = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/escalations?limit=1000");
                return page.GetProperty("items").EnumerateArray().LastOrDefault(e => e.GetProperty("ticketRef").GetString() == ticketRef);
            },
            e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("level", out _) && done(e),
            $"the escalation of {ticketRef}");
}
