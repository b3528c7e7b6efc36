using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 15's silence proof on the production stack (PostgreSQL, RabbitMQ, a real SMTP server and a real webhook
/// receiver; the clock faked so ten minutes pass at once): a silence over a carrier for ten minutes sends nothing for
/// its escalations inside the window, logs each muted alert, and when it ends tells each escalation still open once.
/// </summary>
public sealed class SilenceIntegrationTests(Servers servers, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    [Fact]
    public async Task On_PostgreSQL_a_ten_minute_carrier_silence_mutes_and_logs_every_alert_and_then_tells_each_open_escalation_once()
    {
        var clock = new FakeClock(Webhook.Now());
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var receiver = await AlertReceiver.StartAsync();
        var settings = Escalating.Settings(new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = smtp.Host,
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:Webhook:MaxRetries"] = "0",
            ["Notifications:Alerts:PollEvery"] = "00:00:00.050",
            ["Escalations:RenotifyFirst"] = "00:03:00",
        }, receiver);
        await using var host = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: settings, clock: clock);
        using var admin = host.Admin();
        await Escalating.ConfigureAsync(admin, receiver.Url);
        var tickets = new[] { PromisesApi.NewTicketRef(), PromisesApi.NewTicketRef(), PromisesApi.NewTicketRef() };
        foreach (var ticket in tickets)
        {
            await Webhook.PostAcceptedAsync(admin, SignedEvents.Opened(ticket, clock.GetCurrentInstant() - Escalating.OpenedAgo), signedAt: clock.GetCurrentInstant());
            await Escalating.UntilAsync(admin, ticket, e => e.Level() == 1, "the escalation at level 1");
        }

        var start = clock.GetCurrentInstant();
        clock.Advance(Duration.FromMinutes(10));
        var silence = await CreateSilenceAsync(admin, clock.GetCurrentInstant(), Duration.FromMinutes(10));
        clock.Advance(Duration.FromMinutes(5)); // the climb to the account managers, inside the window
        await AlertsAsync(host, a => a.Count == 3 && a.All(x => x.SilenceId == silence && x.State == AlertStates.Pending), "three muted alerts");
        clock.Advance(Duration.FromMinutes(3)); // a re-notification of each, inside the window too
        var muted = await AlertsAsync(host, a => a.Count == 6 && a.All(x => x.SilenceId == silence && x.State == AlertStates.Pending), "six muted alerts");
        var shown = await Escalating.UntilAsync(admin, tickets[0], e => e.GetProperty("alertState").GetString() == AlertStates.Silenced, "shown silenced");
        var silencedLog = await host.ReadAsync(db => db.NotificationDeliveries.AsNoTracking().Where(d => d.Result == AlertStates.Silenced).ToListAsync());
        var (hooksInWindow, mailsInWindow) = (receiver.Requests.Count, smtp.Messages().Count);
        var resolved = await Escalating.UntilAsync(admin, tickets[2], _ => true, "the third escalation");
        using (var response = await admin.PostAsync($"/api/v1/escalations/{resolved.GetProperty("id").GetGuid()}/resolve", null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        clock.Advance(Duration.FromMinutes(3)); // the window is over (start + 20 min)
        var done = await AlertsAsync(host, a => a.All(x => x.State is AlertStates.Sent or AlertStates.Dropped), "every alert sent or dropped");
        var told = await Eventually.UntilAsync(
            () => Task.FromResult(receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList()), b => b.Count >= 2, "the webhooks after the window");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a wrong extra one to show up

        Assert.Equal((0, 0), (hooksInWindow, mailsInWindow));
        Assert.Equal(2, shown.Level());
        Assert.Equal(start + Duration.FromMinutes(20), Instant.FromDateTimeOffset(shown.GetProperty("silencedUntil").GetDateTimeOffset()));
        Assert.Equal(muted.Select(a => a.EscalationId).Order(), silencedLog.Select(d => d.EscalationId!.Value).Order());
        Assert.All(silencedLog, d => Assert.Contains(silence.ToString(), d.Detail, StringComparison.Ordinal));
        Assert.Equal(tickets[..2].Order(StringComparer.Ordinal), receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("ticketRef").GetString()).Order(StringComparer.Ordinal));
        var latest = done.GroupBy(a => a.EscalationId).Select(g => g.MaxBy(a => a.CreatedAt)!.Id).ToHashSet();
        Assert.All(told, b => Assert.Contains(b.GetProperty("alertId").GetGuid(), latest));
        Assert.Equal(2, done.Count(a => a.State == AlertStates.Sent));
        Assert.Equal(4, done.Count(a => a.State == AlertStates.Dropped));
        // The account manager's email after the window: the incident's open escalations (a manually resolved one whose
        // promise is still at risk opens anew, so the third ticket may be listed again), sent once the window is over.
        Assert.Contains(smtp.Messages(), m => (m.TextBody ?? "").Contains(tickets[0], StringComparison.Ordinal));
    }

    private static async Task<Guid> CreateSilenceAsync(HttpClient admin, Instant from, Duration length)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/silences", new JsonObject
        {
            ["carrier"] = TestSetup.Carrier,
            ["from"] = from.ToString(),
            ["until"] = (from + length).ToString(),
            ["reason"] = "FastLane hub outage",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<List<Alert>> AlertsAsync(SlaHost host, Func<List<Alert>, bool> done, string what) =>
        Eventually.UntilAsync(() => host.ReadAsync(db => db.Alerts.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync()), done, what);
}
