using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;
using SqlServerQuartzScheduler = SlaMonitor.Infrastructure.Persistence.Migrations.SqlServer.QuartzScheduler;

namespace SlaMonitor.IntegrationTests;

/// <summary>The same path on SQL Server (Testcontainers; skipped with the reason where Docker does not run).</summary>
public sealed class SqlServerTests(Servers servers, SqlServer sqlServer) : IClassFixture<SqlServer>
{
    [Fact]
    public async Task On_sql_server_technician_onsite_exactly_at_the_deadline_is_met()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.SqlServer, sqlServer.RequireAdmin());
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();
        var openedAt = Webhook.Now() - Duration.FromHours(5);

        await Webhook.PostAcceptedAsync(client, SignedEvents.Batch(
            SignedEvents.Opened(ticket, openedAt),
            SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, openedAt + Duration.FromHours(4))));
        var promise = await PromisesApi.UntilStatusAsync(client, ticket, "MET");

        Assert.Equal(2, promise["timeline"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_worker_started_on_an_empty_sql_server_database_creates_the_ef_and_quartz_tables_and_joins_the_clustered_scheduler()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.SqlServer, sqlServer.RequireAdmin());
        Assert.Empty(await database.TableNamesAsync());

        await using var worker = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), role: "worker");
        await MigratedSchema.AssertAsync(database, worker, SqlServerQuartzScheduler.CreateSql);
    }
}
