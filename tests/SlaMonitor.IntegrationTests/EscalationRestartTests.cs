using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>Wake-ups are durable: one that came due while no worker ran fires as soon as a worker starts.</summary>
public sealed class EscalationRestartTests(Servers servers) : IDisposable
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"slamonitor-it-mail-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_deadline_and_a_ladder_step_due_while_the_app_was_down_fire_when_a_new_worker_starts()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var prefix = SlaHost.NewEndpointPrefix();
        var clock = new FakeClock(Webhook.Now());
        var settings = Escalating.Settings(new Dictionary<string, string?> { ["Notifications:Smtp:PickupDirectory"] = _pickup });
        var ticket = PromisesApi.NewTicketRef();
        Guid id;
        await using (var first = new SlaHost(servers, database, prefix, settings: settings, clock: clock))
        {
            using var client = first.Admin();
            await Escalating.ConfigureAsync(client);
            await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, clock.GetCurrentInstant() - Escalating.OpenedAgo));
            id = (await Escalating.UntilAsync(client, ticket, e => e.Level() == 1, "to open at level 1")).GetProperty("id").GetGuid();
            await PromisesApi.UntilStatusAsync(client, ticket, "AT_RISK");
        }

        // Down for 25 minutes: the ladder's step (15 min) and the deadline (20 min) both pass meanwhile.
        clock.Advance(Duration.FromMinutes(25));
        await using (var db = database.Context())
        {
            var waiting = await db.Promises.AsNoTracking().SingleAsync(p => p.TicketRef == ticket);
            Assert.Equal("AT_RISK", waiting.Status);
            Assert.True(waiting.NextEvaluationAt <= clock.GetCurrentInstant().ToDateTimeUtc(), "the promise's wake-up is overdue");
        }

        await using var worker = new SlaHost(servers, database, prefix, role: "worker", settings: settings, clock: clock);
        _ = worker.Services; // starts the host
        var promise = await Eventually.UntilAsync(
            () => worker.ReadAsync(db => db.Promises.AsNoTracking().SingleAsync(p => p.TicketRef == ticket)),
            p => p.Status == "BREACHED", $"{ticket} to be BREACHED after the restart");
        var escalation = await Eventually.UntilAsync(
            () => worker.ReadAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.TicketRef == ticket)),
            e => e.Level == 2 && e.PromiseStatus == "BREACHED", $"the escalation of {ticket} to climb to level 2 after the restart");

        Assert.Equal(id, escalation.Id);
        Assert.Equal("open", escalation.State);
        Assert.Equal(2, escalation.NotifyAttempts);
        Assert.Equal(clock.GetCurrentInstant().ToDateTimeUtc(), escalation.LastNotifiedAt);
        Assert.True(promise.NextEvaluationAt is null || promise.NextEvaluationAt > clock.GetCurrentInstant().ToDateTimeUtc());
        var email = await Eventually.UntilAsync(
            () => worker.ReadAsync(db => db.NotificationDeliveries.AsNoTracking().Where(d => d.EscalationId == id && d.Channel == "email").ToListAsync()),
            d => d.Count > 0, "the account managers' email in the delivery log");
        Assert.Equal(("sent", Escalating.AccountManager), (Assert.Single(email).Result, email[0].Target));
    }

    public void Dispose()
    {
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }
}
