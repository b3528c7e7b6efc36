using System.Collections.Concurrent;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// The integration feed (PromiseStatusChanged, EscalationOpened, EscalationChanged) as another system sees it: a
/// consumer of its own on RabbitMQ. Changes are saved with their messages and published by a worker's outbox dispatcher.
/// </summary>
public sealed class IntegrationFeedTests(Servers servers)
{
    [Fact]
    public async Task A_feed_consumer_receives_every_change_and_one_made_while_no_worker_runs_arrives_when_a_worker_starts()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var prefix = SlaHost.NewEndpointPrefix();
        var clock = new FakeClock(Webhook.Now());
        var ticket = PromisesApi.NewTicketRef();
        var received = new ConcurrentQueue<(Guid? MessageId, string What)>();
        var feed = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(servers.RabbitMq.Host, (ushort)servers.RabbitMq.Port, servers.RabbitMq.VirtualHost, h =>
            {
                h.Username(servers.RabbitMq.Username);
                h.Password(servers.RabbitMq.Password);
            });
            cfg.ReceiveEndpoint($"{prefix}feed", e =>
            {
                e.AutoDelete = true;
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                e.Handler<PromiseStatusChanged>(c => Keep(c, c.Message.TicketRef, $"status {c.Message.PreviousStatus ?? "none"} -> {c.Message.Status}"));
                e.Handler<EscalationOpened>(c => Keep(c, c.Message.TicketRef, $"opened level {c.Message.Level}"));
                e.Handler<EscalationChanged>(c => Keep(c, c.Message.TicketRef, $"{c.Message.Change}"));
            });
        });
        await feed.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var api = new SlaHost(servers, database, prefix, role: "api", settings: Escalating.Settings(), clock: clock);
            using var client = api.Admin();
            await Escalating.ConfigureAsync(client);
            Guid id;
            await using (var worker = new SlaHost(servers, database, prefix, role: "worker", settings: Escalating.Settings(), clock: clock))
            {
                _ = worker.Services;
                await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, clock.GetCurrentInstant() - Escalating.OpenedAgo));
                id = (await Escalating.UntilAsync(client, ticket, e => e.Level() == 1, "to open")).GetProperty("id").GetGuid();
                await Eventually.UntilAsync(() => Task.FromResult(received.Count), n => n >= 2, "the status change and the opened escalation on the feed");
                await Eventually.UntilAsync(() => api.ReadAsync(db => db.Outbox.CountAsync()), n => n == 0, "the outbox emptied before the worker stops");
            }

            using var acknowledged = await client.PostAsJsonAsync($"/api/v1/escalations/{id}/acknowledge", new { by = "ops-anna" });
            acknowledged.EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromSeconds(2));
            var beforeWorker = received.Select(r => r.What).ToList();
            var waiting = await api.ReadAsync(db => db.Outbox.CountAsync());
            await using var next = new SlaHost(servers, database, prefix, role: "worker", settings: Escalating.Settings(), clock: clock);
            _ = next.Services;
            await Eventually.UntilAsync(() => Task.FromResult(received.Count), n => n >= 3, "the acknowledgement on the feed");

            Assert.Equal(["status none -> AT_RISK", "opened level 1"], beforeWorker);
            Assert.Equal(1, waiting);
            Assert.Equal("acknowledged", received.Last().What);
            Assert.Equal(3, received.Select(r => r.MessageId).Distinct().Count());
            await Eventually.UntilAsync(() => api.ReadAsync(db => db.Outbox.CountAsync()), n => n == 0, "the outbox emptied");
        }
        finally
        {
            await feed.StopAsync(CancellationToken.None);
        }

        Task Keep(ConsumeContext context, string ticketRef, string what)
        {
            if (ticketRef == ticket)
            {
                received.Enqueue((context.MessageId, what));
            }

            return Task.CompletedTask;
        }
    }
}
