using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Two worker hosts on one PostgreSQL database and one queue prefix (competing consumers on the same queues),
/// racing for the same wake-ups.
/// <para>
/// Quartz: in production the workers are separate processes sharing <c>Scheduling:InstanceName</c>, so their
/// clustered ADO.NET stores form one Quartz cluster (same <c>SCHED_NAME</c> rows) and the catch-up job fires on
/// one of them. In one process that is impossible: Quartz's <c>SchedulerRepository</c> is process-wide and keyed
/// by name, so a second host with the same name would get (and, on dispose, shut down) the first host's
/// scheduler, with the first host's services. Each <see cref="SlaHost"/> therefore has its own name, which makes
/// the two hosts two separate Quartz clusters in the same tables: both run the catch-up job every second here.
/// That is the harder case for this test, since nothing but the database claim on the wake-up rows
/// (<c>UPDATE … WHERE NextEvaluationAt &lt;= now</c>) stands between two dispatchers and two catch-up jobs.
/// </para>
/// </summary>
public sealed class EscalationClusterTests(Servers servers) : IDisposable
{
    private const int Promises = 30;
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"slamonitor-it-mail-{Guid.NewGuid():N}");

    [Fact]
    public async Task Two_worker_hosts_never_both_escalate_or_notify_the_same_promise()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var receiver = await AlertReceiver.StartAsync();
        var prefix = SlaHost.NewEndpointPrefix();
        var clock = new FakeClock(Webhook.Now());
        var settings = Escalating.Settings(new Dictionary<string, string?>
        {
            ["Notifications:Smtp:PickupDirectory"] = _pickup,
            ["Scheduling:EvaluateEverySeconds"] = "1",
            ["Scheduling:Wakeups:MaxSleep"] = "00:00:00.020",
            ["Scheduling:Wakeups:BatchSize"] = "7",
            // The shared fake clock jumps 10 minutes below; a real alert's lease is renewed before each send.
            ["Notifications:Alerts:Lease"] = "01:00:00",
        }, receiver);
        await using var one = new SlaHost(servers, database, prefix, role: "all", settings: settings, clock: clock);
        await using var two = new SlaHost(servers, database, prefix, role: "worker", settings: settings, clock: clock);
        using var client = one.Admin();
        _ = two.Services; // both started before any event
        Assert.NotEqual(one.SchedulerName, two.SchedulerName);
        await Escalating.ConfigureAsync(client, receiver.Url);
        var tickets = Enumerable.Range(0, Promises).Select(_ => PromisesApi.NewTicketRef()).ToList();

        await Webhook.PostAcceptedAsync(client, SignedEvents.Batch(
            tickets.Select(t => (System.Text.Json.Nodes.JsonNode)SignedEvents.Opened(t, clock.GetCurrentInstant() - Escalating.OpenedAgo)).ToArray()));
        await UntilEscalations(database, e => e.Count == Promises && e.All(x => x.Level == 1), $"{Promises} escalations at level 1");
        clock.Advance(Escalating.StepAfter);
        await UntilEscalations(database, e => e.All(x => x.Level == 2), "every escalation at level 2");
        clock.Advance(Duration.FromMinutes(10));
        await Eventually.UntilAsync(
            async () =>
            {
                await using var db = database.Context();
                return await db.Promises.AsNoTracking().CountAsync(p => p.Status == "BREACHED");
            },
            n => n == Promises, $"all {Promises} promises BREACHED");
        await Eventually.UntilAsync(() => Task.FromResult(receiver.Requests.Count), n => n >= Promises, $"{Promises} alert webhooks delivered");
        // The escalations follow their promises after the promises' own save: wait for that, not a fixed time.
        await UntilEscalations(database, e => e.All(x => x.PromiseStatus == "BREACHED"), "every escalation following its BREACHED promise");
        await Task.Delay(1500); // room for a duplicate to show up

        await using var check = database.Context();
        var escalations = await check.Escalations.AsNoTracking().ToListAsync();
        Assert.Equal(Promises, escalations.Count);
        Assert.Equal(tickets.Order(StringComparer.Ordinal), escalations.Select(e => e.TicketRef).Order(StringComparer.Ordinal));
        Assert.All(escalations, e => Assert.Equal((2, "BREACHED", "open", 2), (e.Level, e.PromiseStatus, e.State, e.NotifyAttempts)));

        // One webhook per escalation for its one step to the account managers, none twice.
        var alerts = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(Promises, alerts.Count);
        Assert.Equal(escalations.Select(e => e.Id).Order(), alerts.Select(a => a.GetProperty("escalationId").GetGuid()).Order());
        Assert.All(alerts, a => Assert.Equal(2, a.GetProperty("level").GetInt32()));

        // Per escalation one account-manager outcome (sent or inhibited by its incident) and one webhook try;
        // per incident exactly one email sent.
        var deliveries = await check.NotificationDeliveries.AsNoTracking().ToListAsync();
        Assert.All(escalations, e =>
        {
            Assert.Single(deliveries, d => d.EscalationId == e.Id && d.Channel == "webhook");
            Assert.Single(deliveries, d => d.EscalationId == e.Id && d.Channel == "email" && d.Target == Escalating.AccountManager
                || d.EscalationId == e.Id && d.Result == "inhibited");
        });
        var incidents = escalations.Select(e => e.IncidentId).Distinct().ToList();
        Assert.All(incidents, i => Assert.Single(deliveries, d => d.IncidentId == i && d.Channel == "email" && d.Result == "sent"));
        Assert.Equal(incidents.Count, Directory.GetFiles(_pickup, "*.eml").Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    private static Task<List<Escalation>> UntilEscalations(TestDatabase database, Func<List<Escalation>, bool> done, string what) =>
        Eventually.UntilAsync(
            async () =>
            {
                await using var db = database.Context();
                return await db.Escalations.AsNoTracking().ToListAsync();
            },
            done, what);
}
