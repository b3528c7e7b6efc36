using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

public sealed class RestartTests(Servers servers)
{
    [Fact]
    public async Task Events_accepted_while_no_worker_runs_wait_in_the_durable_queue_and_a_worker_started_later_applies_them()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var prefix = SlaHost.NewEndpointPrefix();
        var ticket = PromisesApi.NewTicketRef();
        var openedAt = Webhook.Now() - Duration.FromHours(1);

        await using (var api = new SlaHost(servers, database, prefix, role: "api"))
        {
            using var client = api.Admin();
            await TestSetup.ConfigureAsync(client);
            var answer = await Webhook.PostAcceptedAsync(client, SignedEvents.Batch(
                SignedEvents.Opened(ticket, openedAt),
                SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, openedAt + Duration.FromMinutes(45))));
            Assert.Equal(2, answer["accepted"]!.GetValue<int>());
        }

        await using (var db = database.Context())
        {
            Assert.Equal(0, await db.Events.CountAsync());
        }

        await using var worker = new SlaHost(servers, database, prefix, role: "worker");
        var promise = await Eventually.UntilAsync(
            () => worker.ReadAsync(db => db.Promises.AsNoTracking().FirstOrDefaultAsync(p => p.TicketRef == ticket)),
            p => p?.Status == "MET",
            $"the worker to apply the queued events of {ticket}");
        Assert.Equal(openedAt.ToDateTimeUtc(), promise!.OpenedAt);
        Assert.Equal(2, await worker.ReadAsync(db => db.Events.CountAsync(e => e.TicketRef == ticket)));
    }
}
