using NodaTime;
using NodaTime.Testing;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>A fresh PostgreSQL install warns from the default prior: no history, no silence until the last margin.</summary>
public sealed class PriorEstimateTests(Servers servers)
{
    [Fact]
    public async Task On_a_fresh_install_a_4h_promise_without_pickup_after_2h36m_is_at_least_30_percent_likely_late_from_the_default_prior()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var clock = new FakeClock(Webhook.Now());
        var settings = new Dictionary<string, string?> { ["Scheduling:EvaluateEverySeconds"] = "1" };
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: settings, clock: clock);
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();
        await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, clock.GetCurrentInstant()));
        await PromisesApi.UntilStatusAsync(client, ticket, "ON_TRACK");

        clock.Advance(Duration.FromMinutes(156));

        var promise = await Eventually.UntilAsync(
            () => PromisesApi.GetAsync(client, ticket),
            p => p?["probabilityLate"]?.GetValue<double>() >= 0.3,
            $"{ticket}'s probability late to reach 0.3");
        Assert.Equal("ON_TRACK", promise!["status"]!.GetValue<string>());
        Assert.Equal("from the default prior", promise["estimateSource"]!.GetValue<string>());
    }
}
