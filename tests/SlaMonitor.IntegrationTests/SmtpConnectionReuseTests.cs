using System.Globalization;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime.Testing;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Notifications;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 15: emails share SMTP connections (<see cref="SmtpConnections"/>), against a real aiosmtpd that logs each
/// session. The tests of a class run one after another, so each counts the sessions it adds.
/// </summary>
public sealed class SmtpConnectionReuseTests(Servers servers, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private const int Alerts = 6;

    [Fact]
    public async Task Six_alert_emails_due_together_all_arrive_over_fewer_smtp_connections_than_emails()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var clock = new FakeClock(Webhook.Now());
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Escalating.Settings(HostSettings()), clock: clock);
        using var client = app.Admin();
        await Escalating.ConfigureAsync(client);
        var carriers = await Escalating.CarriersAsync(client, "REUSE", Alerts);
        var tickets = carriers.Select(_ => PromisesApi.NewTicketRef()).ToList();
        var sessionsBefore = smtp.Sessions();

        foreach (var (ticket, carrier) in tickets.Zip(carriers))
        {
            await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, clock.GetCurrentInstant() - Escalating.OpenedAgo), carrier);
        }

        foreach (var ticket in tickets)
        {
            await Escalating.UntilAsync(client, ticket, e => e.Level() == 1, "to open at level 1");
        }

        clock.Advance(Escalating.StepAfter);
        var mails = await Eventually.UntilAsync(
            () => Task.FromResult(MailsAbout(tickets)), m => m.Count >= Alerts, $"{Alerts} alert emails at the SMTP server", TimeSpan.FromSeconds(60));
        await Eventually.UntilAsync(() => AlertsAsync(database), a => a.Count == Alerts && a.All(x => x.State == AlertStates.Sent), "every alert recorded as sent");

        var sessions = smtp.Sessions() - sessionsBefore;
        var figures = $"{mails.Count} alert emails over {sessions} SMTP connection(s)";
        TestContext.Current.SendDiagnosticMessage(figures);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"slamonitor-smtpreuse-{DateTime.UtcNow:yyyyMMdd-HHmmss}.summary.txt"), figures);
        Assert.Equal(tickets.Order(), mails.Select(m => tickets.Single(t => (m.Subject ?? "").Contains(t, StringComparison.Ordinal))).Order());
        Assert.Equal(Alerts, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.InRange(sessions, 1, Alerts - 1);
    }

    [Fact]
    public async Task A_pooled_connection_the_smtp_server_closed_is_replaced_and_the_next_alert_email_arrives_exactly_once_in_one_try()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var clock = new FakeClock(Webhook.Now());
        // Kept idle far longer than the test takes, so the second email finds the first one's connection in the pool.
        var settings = HostSettings();
        settings["Notifications:Smtp:IdleTimeout"] = "00:05:00";
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Escalating.Settings(settings), clock: clock);
        using var client = app.Admin();
        await Escalating.ConfigureAsync(client);
        var carriers = await Escalating.CarriersAsync(client, "DROP", 2);
        var (first, second) = (PromisesApi.NewTicketRef(), PromisesApi.NewTicketRef());

        var eventsBefore = smtp.Events().Count;
        await ClimbAsync(client, clock, first, carriers[0]);
        await Eventually.UntilAsync(() => Task.FromResult(MailsAbout([first])), m => m.Count == 1, "the first alert email");
        var firstSession = smtp.Events().Skip(eventsBefore).Single(e => e.Kind == "EHLO").ClientPort;
        Assert.DoesNotContain(smtp.Events(), e => e.Kind == "QUIT" && e.ClientPort == firstSession);

        await smtp.StopAsync();
        await smtp.StartAsync();
        var eventsAfterRestart = smtp.Events().Count;
        await ClimbAsync(client, clock, second, carriers[1]);
        var mail = Assert.Single(await Eventually.UntilAsync(() => Task.FromResult(MailsAbout([second])), m => m.Count > 0, "the second alert email"));
        var alert = await Eventually.UntilAsync(
            async () => (await AlertsAsync(database)).SingleOrDefault(a => (mail.MessageId ?? "").StartsWith($"{a.Id:N}.", StringComparison.Ordinal)),
            a => a?.State == AlertStates.Sent, "the second alert recorded as sent");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a second copy to show up

        Assert.Single(MailsAbout([second]));
        Assert.Single(smtp.Events().Skip(eventsAfterRestart), e => e.Kind == "EHLO");
        Assert.Equal(1, alert!.Attempts);
        await using var db = database.Context();
        var log = await db.NotificationDeliveries.AsNoTracking().Where(d => d.EscalationId == alert.EscalationId && d.Channel == "email").ToListAsync();
        Assert.Equal(["sent"], log.Select(d => d.Result));
    }

    [Fact]
    public async Task Emails_sent_one_after_another_share_one_connection_and_emails_sent_side_by_side_each_take_their_own()
    {
        await using var connections = Connections(TimeSpan.FromMinutes(5));
        var before = smtp.Sessions();

        for (var i = 0; i < 5; i++)
        {
            await connections.SendAsync(Message($"serial-{i}@example.com"), TestContext.Current.CancellationToken);
        }

        var serial = smtp.Sessions() - before;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => connections.SendAsync(Message($"parallel-{i}@example.com"), TestContext.Current.CancellationToken)));
        var parallel = smtp.Sessions() - before - serial;

        Assert.Equal(1, serial);
        Assert.InRange(parallel, 0, 3);
        Assert.Equal(9, smtp.Messages().Count(m => m.To.Mailboxes.Single().Address.StartsWith("serial-", StringComparison.Ordinal)
            || m.To.Mailboxes.Single().Address.StartsWith("parallel-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_message_the_server_refuses_is_not_sent_again_and_the_next_email_goes_over_a_new_connection()
    {
        await using var connections = Connections(TimeSpan.FromMinutes(5));
        await connections.SendAsync(Message("before-refusal@example.com"), TestContext.Current.CancellationToken);
        var before = smtp.Events().Count;

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(
            () => connections.SendAsync(Message("refused@example.com"), TestContext.Current.CancellationToken));
        var afterRefusal = smtp.Events().Skip(before).ToList();
        await connections.SendAsync(Message("after-refusal@example.com"), TestContext.Current.CancellationToken);

        Assert.Equal(SmtpStatusCode.MailboxUnavailable, refused.StatusCode);
        Assert.Equal(["REFUSED"], afterRefusal.Select(e => e.Kind));
        Assert.Equal(["EHLO", "MESSAGE"], smtp.Events().Skip(before + afterRefusal.Count).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_connection_idle_past_the_idle_timeout_is_closed_and_disposing_closes_the_others()
    {
        var before = smtp.Events().Count;
        await using (var shortLived = Connections(TimeSpan.FromSeconds(1)))
        {
            await shortLived.SendAsync(Message("idle@example.com"), TestContext.Current.CancellationToken);
            var session = smtp.Events().Skip(before).Single(e => e.Kind == "EHLO").ClientPort;
            await Eventually.UntilAsync(() => Task.FromResult(smtp.Events()), e => e.Any(x => x.Kind == "QUIT" && x.ClientPort == session), "the idle connection's QUIT");
        }

        before = smtp.Events().Count;
        var longLived = Connections(TimeSpan.FromMinutes(5));
        await longLived.SendAsync(Message("disposed@example.com"), TestContext.Current.CancellationToken);
        var kept = smtp.Events().Skip(before).Single(e => e.Kind == "EHLO").ClientPort;
        Assert.DoesNotContain(smtp.Events(), e => e.Kind == "QUIT" && e.ClientPort == kept);
        await longLived.DisposeAsync();

        Assert.Contains(smtp.Events(), e => e.Kind == "QUIT" && e.ClientPort == kept);
    }

    private Dictionary<string, string?> HostSettings() => new()
    {
        ["Notifications:Smtp:Host"] = smtp.Host,
        ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Alerts:PollEvery"] = "00:00:00.100",
        // No re-notification while the fake clock is moved on for the next ticket.
        ["Escalations:RenotifyFirst"] = "1.00:00:00",
    };

    private SmtpConnections Connections(TimeSpan idleTimeout) => new(
        Options.Create(new SmtpOptions { Host = smtp.Host, Port = smtp.Port, Security = "None", IdleTimeout = idleTimeout }),
        NullLogger<SmtpConnections>.Instance);

    private static MimeMessage Message(string to) => new(
        [MailboxAddress.Parse("slamonitor@localhost")], [MailboxAddress.Parse(to)], $"to {to}", new TextPart("plain") { Text = "reuse test" });

    private static async Task ClimbAsync(HttpClient client, FakeClock clock, string ticket, string carrier)
    {
        await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, clock.GetCurrentInstant() - Escalating.OpenedAgo), carrier, clock.GetCurrentInstant());
        await Escalating.UntilAsync(client, ticket, e => e.Level() == 1, "to open at level 1");
        clock.Advance(Escalating.StepAfter);
        await Escalating.UntilAsync(client, ticket, e => e.Level() == 2, "to climb to level 2");
    }

    private List<MimeMessage> MailsAbout(IReadOnlyCollection<string> tickets) =>
        smtp.Messages().Where(m => tickets.Any(t => (m.Subject ?? "").Contains(t, StringComparison.Ordinal))).ToList();

    private static async Task<List<Alert>> AlertsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.Alerts.AsNoTracking().ToListAsync();
    }
}
