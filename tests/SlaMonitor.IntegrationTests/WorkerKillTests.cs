using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 15, "Alerts that always arrive": worker processes (<c>--role worker</c>, real child processes) are killed with
/// SIGKILL at random moments while events and breaches flow, and restarted. Everything accepted is stored once, every
/// promise equals its fold, and each escalation's account-manager alert arrives at the SMTP server and at the webhook
/// receiver with exactly one distinct alertId, none missing. Redeliveries of the same id are allowed (a worker killed
/// between sending and recording sends again after the lease) and are counted and reported. docs/reliability.md.
/// </summary>
public sealed class WorkerKillTests(Servers servers, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    /// <summary>20,000 in CI; <c>SLAMONITOR_KILL_EVENTS</c> / <c>SLAMONITOR_KILL_BREACHES</c> run the larger documented version.</summary>
    private static readonly int EventCount = FromEnvironment("SLAMONITOR_KILL_EVENTS", 20_000);
    private static readonly int BreachCount = FromEnvironment("SLAMONITOR_KILL_BREACHES", 300);
    private const int Kills = 5;
    private const int Seed = 15;
    private const int RequestSize = 500;
    private const double DuplicateShare = 0.05;
    private static readonly TimeSpan PostingTime = TimeSpan.FromSeconds(60);
    /// <summary>Kills fall in this window: while events are posted and, after the one-minute ladder step, while alerts are sent.</summary>
    private static readonly TimeSpan KillWindow = TimeSpan.FromSeconds(130);
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Worker_processes_killed_five_times_at_random_moments_lose_no_event_and_no_alert_and_send_each_alert_under_one_id()
    {
        var started = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        // Each answer takes 150 ms, like a customer endpoint across a network: a kill in the alert phase then finds tries in flight.
        await using var receiver = await AlertReceiver.StartAsync(delay: TimeSpan.FromMilliseconds(150));
        var prefix = SlaHost.NewEndpointPrefix();
        var settings = Escalating.Settings(receiver: receiver);
        await using var api = new SlaHost(servers, database, prefix, role: "api", settings: settings);
        using var client = api.Admin();
        var traffic = KillTraffic.Generate(EventCount, BreachCount, DuplicateShare, RequestSize, Webhook.Now(), Seed);
        await KillTrafficChecks.ConfigureAsync(client, receiver.Url, BreachCount);
        var logFile = Path.Combine(Path.GetTempPath(), $"slamonitor-workerkill-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
        var workerSettings = WorkerSettings(database, prefix, receiver);

        var worker = await WorkerProcess.StartAsync(workerSettings, logFile);
        var kills = new List<string>();
        try
        {
            var random = new Random(Seed);
            var moments = KillMoments(random);
            var clock = Stopwatch.StartNew();
            var accepted = new StrongBox<int>();
            var posting = PostPacedAsync(client, traffic, accepted);
            foreach (var moment in moments)
            {
                var wait = moment - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var stored = await database.CountAsync("SELECT COUNT(*) FROM \"Events\"");
                var alertsSent = await database.CountAsync("SELECT COUNT(*) FROM \"Alerts\" WHERE \"State\" = 'sent'");
                var inFlight = await database.CountAsync("SELECT COUNT(*) FROM \"Alerts\" WHERE \"State\" = 'sending'");
                await worker.KillAsync();
                kills.Add($"kill at {clock.Elapsed.TotalSeconds:0.0}s (pid {worker.Id}): {Volatile.Read(ref accepted.Value)} events accepted (resends included), {stored} distinct stored, {alertsSent} alerts sent, {inFlight} in flight");
                await worker.DisposeAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 2000)));
                worker = await WorkerProcess.StartAsync(workerSettings, logFile);
            }

            await posting;
            await KillTrafficChecks.DrainAsync(database, traffic, DrainDeadline);
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a late duplicate to show up
            await AssertEverythingArrivedOnceAsync(database, traffic, receiver, kills, started, logFile);
        }
        finally
        {
            await worker.DisposeAsync();
        }
    }

    private Dictionary<string, string?> WorkerSettings(TestDatabase database, string prefix, AlertReceiver receiver)
    {
        var settings = WorkerProcess.BaseSettings(servers, database, prefix, "it-worker-kill");
        foreach (var (key, value) in Escalating.Settings(receiver: receiver))
        {
            settings[key] = value;
        }

        settings["Notifications:Smtp:Host"] = smtp.Host;
        settings["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Notifications:Smtp:Security"] = "None";
        // A killed worker's claims come due again soon: the alert lease at its minimum, the wake-up lease short.
        settings["Notifications:Alerts:Lease"] = "00:00:10";
        settings["Notifications:Alerts:FirstRetry"] = "00:00:01";
        settings["Notifications:Alerts:RetryCap"] = "00:00:05";
        settings["Notifications:Alerts:PollEvery"] = "00:00:00.200";
        settings["Scheduling:Wakeups:Lease"] = "00:00:05";
        settings["Scheduling:Wakeups:MaxSleep"] = "00:00:00.200";
        return settings;
    }

    /// <summary><see cref="Kills"/> moments in the kill window, at least 10 s apart so each new worker is up and working before the next kill.</summary>
    private static List<TimeSpan> KillMoments(Random random)
    {
        var slot = KillWindow / Kills;
        return Enumerable.Range(0, Kills)
            .Select(i => TimeSpan.FromSeconds(5) + (slot * i) + TimeSpan.FromSeconds(random.NextDouble() * Math.Max(0, slot.TotalSeconds - 10)))
            .ToList();
    }

    /// <summary>Posts every request in order, paced over <see cref="PostingTime"/>; every request must be accepted (202).</summary>
    private static async Task PostPacedAsync(HttpClient client, KillTraffic traffic, StrongBox<int> accepted)
    {
        await Task.Yield();
        var total = traffic.Requests.Sum(r => r.Events);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        foreach (var (carrier, body, events) in traffic.Requests)
        {
            // A 503 (the broker did not confirm in time on a loaded machine) accepted nothing: sent again, as the contract tells a carrier.
            var response = await SignedEvents.PostAsync(client, body, Webhook.Now(), carrier);
            for (var retry = 0; response.StatusCode == HttpStatusCode.ServiceUnavailable && retry < 10; retry++)
            {
                response.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(1));
                response = await SignedEvents.PostAsync(client, body, Webhook.Now(), carrier);
            }

            using var answered = response;
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"webhook of {carrier} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            sent += events;
            Volatile.Write(ref accepted.Value, sent);
            var due = PostingTime * ((double)sent / total);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
        }
    }

    private async Task AssertEverythingArrivedOnceAsync(
        TestDatabase database, KillTraffic traffic, AlertReceiver receiver, List<string> kills, Stopwatch started, string logFile)
    {
        var expected = await KillTrafficChecks.AssertStoredOnceFoldedAndEscalatedAsync(database, traffic, DrainDeadline);
        var (hookRequests, hookIds) = KillTrafficChecks.AssertOneWebhookAlertIdPerEscalation(receiver, expected);
        await using var db = database.Context();
        var escalations = await db.Escalations.AsNoTracking().ToListAsync();
        var alerts = await db.Alerts.AsNoTracking().ToListAsync();

        // The SMTP server: exactly one distinct alertId (Message-Id {alertId:N}.{hash}@slamonitor) per escalation and recipient.
        var mails = smtp.Messages().Select(m => (AlertId: Guid.ParseExact((m.MessageId ?? "").Split('.')[0], "N"), To: Assert.Single(m.To.Mailboxes).Address, m.Subject)).ToList();
        var mailIds = mails.GroupBy(m => (m.AlertId, m.To)).ToDictionary(g => g.Key, g => g.Count());
        var alertsByEscalation = expected.ToDictionary(e => e.Value, e => escalations.Single(x => x.Id == e.Key));
        Assert.All(mailIds.Keys, k => Assert.True(alertsByEscalation.ContainsKey(k.AlertId), $"an email with Message-Id of unknown alert {k.AlertId}"));
        var missing = expected.Values.Where(id => !mailIds.ContainsKey((id, Escalating.AccountManager))).Select(id => alertsByEscalation[id].TicketRef).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} escalations never reached the account manager by email: {string.Join(", ", missing.Take(20))}");
        Assert.All(mails, m => Assert.Contains(alertsByEscalation[m.AlertId].TicketRef, m.Subject ?? "", StringComparison.Ordinal));

        var inhibited = await db.NotificationDeliveries.CountAsync(d => d.Result == "inhibited");
        var summary = string.Join(Environment.NewLine, new List<string>
        {
            $"worker-kill run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, seed {Seed}, {Environment.ProcessorCount} cores",
            $"events: {traffic.Events.Count} distinct accepted ({traffic.Requests.Sum(r => r.Events)} posted with resends) in {traffic.Requests.Count} requests, {traffic.Tickets.Count} promises, all stored once and equal to their fold",
            $"kills: {kills.Count} (SIGKILL) of --role worker processes, each restarted: {string.Join("; ", kills)}",
            $"escalations at the account managers: {escalations.Count}; alerts: {alerts.Count}, all sent, {alerts.Count(a => a.Attempts > 1)} of them after more than one try (a try cut off by a kill counts), max {alerts.Max(a => a.Attempts)} tries",
            $"webhook: {hookRequests} requests, {hookIds} distinct alertIds, {hookRequests - hookIds} redeliveries",
            $"email: {mails.Count} messages, {mailIds.Count} distinct (alertId, recipient), {mails.Count - mailIds.Count} redeliveries; inhibited: {inhibited}",
            $"wall time: {started.Elapsed.TotalSeconds:0} s; worker logs: {logFile}",
        });
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        await File.WriteAllTextAsync(Path.ChangeExtension(logFile, ".summary.txt"), summary);
        Assert.Equal(0, inhibited);
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
