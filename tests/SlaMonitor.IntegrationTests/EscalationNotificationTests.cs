using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Common;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// An escalation climbing to the account managers on PostgreSQL + RabbitMQ, told through a real SMTP server
/// (aiosmtpd) and a real HTTP listener (Kestrel) that checks the signature.
/// </summary>
public sealed class EscalationNotificationTests(Servers servers, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private const string OtherCustomersSecret = "it-globex-alert-secret-0123";

    [Fact]
    public async Task The_account_manager_email_reaches_a_real_smtp_server_in_html_and_text_naming_promise_customer_site_reason_time_left_and_board_link()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var clock = new FakeClock(Webhook.Now());
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Escalating.Settings(SmtpSettings()), clock: clock);
        using var client = app.Admin();
        await Escalating.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();

        await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, clock.GetCurrentInstant() - Escalating.OpenedAgo));
        await Escalating.UntilAsync(client, ticket, e => e.Level() == 1, "to open at level 1");
        Assert.Empty(Mails(ticket));
        clock.Advance(Escalating.StepAfter);
        var climbed = await Escalating.UntilAsync(client, ticket, e => e.Level() == 2, "to climb to level 2");
        var message = Assert.Single(await Eventually.UntilAsync(() => Task.FromResult(Mails(ticket)), m => m.Count > 0, $"an email about {ticket} at the SMTP server"));

        var link = $"{Escalating.BoardUrl}/promise/{ticket}";
        var reasons = climbed.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.NotEmpty(reasons);
        Assert.Equal(Escalating.AccountManager, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"[SlaMonitor] {ticket} AT RISK for ACME Corp at {TestSetup.Site}: 5m left", message.Subject);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        foreach (var body in new[] { message.TextBody, System.Net.WebUtility.HtmlDecode(message.HtmlBody) })
        {
            Assert.Contains(ticket, body, StringComparison.Ordinal);
            Assert.Contains("ACME Corp", body, StringComparison.Ordinal);
            Assert.Contains($"at site {TestSetup.Site}", body, StringComparison.Ordinal);
            Assert.Contains("5m left", body, StringComparison.Ordinal);
            Assert.All(reasons, reason => Assert.Contains(reason, body, StringComparison.Ordinal));
        }

        Assert.Contains(link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link}\">{ticket}</a>", message.HtmlBody, StringComparison.Ordinal);
        var delivery = await Eventually.UntilAsync(
            () => Deliveries(database, climbed.GetProperty("id").GetGuid(), "email"), d => d.Count > 0, "the email in the delivery log");
        Assert.Equal(("sent", Escalating.AccountManager, $"smtp://{smtp.Host}:{smtp.Port}"), (delivery[0].Result, delivery[0].Target, delivery[0].Detail));
    }

    [Fact]
    public async Task The_alert_webhook_signed_with_the_customers_own_secret_reaches_a_receiver_failing_twice_on_the_third_try_with_every_try_in_the_delivery_log()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var receiver = await AlertReceiver.StartAsync(failFirst: 2);
        var clock = new FakeClock(Webhook.Now());
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Escalating.Settings(SmtpSettings(), receiver), clock: clock);
        using var client = app.Admin();
        await Escalating.ConfigureAsync(client, receiver.Url);
        var other = TestSetup.CustomerBody();
        other["name"] = "Globex";
        other["alertWebhook"] = receiver.Url.ToString();
        other["alertSecret"] = OtherCustomersSecret;
        await Escalating.PutAsync(client, "/api/v1/customers/GLOBEX", other);
        var ticket = PromisesApi.NewTicketRef();

        await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, clock.GetCurrentInstant() - Escalating.OpenedAgo));
        await Escalating.UntilAsync(client, ticket, e => e.Level() == 1, "to open at level 1");
        Assert.Empty(receiver.Requests);
        clock.Advance(Escalating.StepAfter);
        var id = (await Escalating.UntilAsync(client, ticket, e => e.Level() == 2, "to climb to level 2")).GetProperty("id").GetGuid();
        var log = await Eventually.UntilAsync(() => Deliveries(database, id, "webhook"), d => d.Count >= 3, "three webhook tries in the delivery log");
        await Task.Delay(300);

        var requests = receiver.Requests.ToList();
        Assert.Equal([500, 500, 200], requests.Select(r => r.Answered));
        Assert.All(requests, r => Assert.True(
            WebhookSignature.Verify(r.Signature, [Escalating.AlertSecret], r.Body, clock.GetCurrentInstant(), Duration.FromMinutes(5)),
            $"signature '{r.Signature}' does not verify"));
        Assert.All(requests, r => Assert.False(
            WebhookSignature.Verify(r.Signature, [OtherCustomersSecret], r.Body, clock.GetCurrentInstant(), Duration.FromMinutes(5)),
            "another customer's alert secret must not verify this customer's alert"));
        var alert = JsonDocument.Parse(requests[2].Body).RootElement;
        Assert.Equal((ticket, id, 2, "AT_RISK"), (alert.GetProperty("ticketRef").GetString(), alert.GetProperty("escalationId").GetGuid(),
            alert.GetProperty("level").GetInt32(), alert.GetProperty("status").GetString()));
        Assert.Equal($"{Escalating.BoardUrl}/promise/{ticket}", alert.GetProperty("link").GetString());
        var alertIds = requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("alertId").GetGuid()).Distinct().ToList();
        Assert.Equal(await app.ReadAsync(db => db.Alerts.Where(a => a.EscalationId == id).Select(a => a.Id).SingleAsync()), Assert.Single(alertIds));
        log = await Deliveries(database, id, "webhook");
        Assert.Equal(
            [(1, "failed", (int?)500), (2, "failed", 500), (3, "sent", 200)],
            log.Select(d => (d.Attempt, d.Result, d.StatusCode)));
        Assert.All(log, d => Assert.Equal(receiver.Url.ToString(), d.Target));
    }

    private Dictionary<string, string?> SmtpSettings() => new()
    {
        ["Notifications:Smtp:Host"] = smtp.Host,
        ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "None",
    };

    private List<MimeKit.MimeMessage> Mails(string ticket) =>
        smtp.Messages().Where(m => (m.Subject ?? "").Contains(ticket, StringComparison.Ordinal)).ToList();

    private static async Task<List<NotificationDelivery>> Deliveries(TestDatabase database, Guid escalationId, string channel)
    {
        await using var db = database.Context();
        return await db.NotificationDeliveries.AsNoTracking().Where(d => d.EscalationId == escalationId && d.Channel == channel)
            .OrderBy(d => d.Attempt).ThenBy(d => d.Id).ToListAsync();
    }
}
