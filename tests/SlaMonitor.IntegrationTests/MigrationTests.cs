using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using PostgresQuartzScheduler = SlaMonitor.Infrastructure.Persistence.Migrations.Postgres.QuartzScheduler;

namespace SlaMonitor.IntegrationTests;

public sealed class MigrationTests(Servers servers)
{
    [Fact]
    public async Task A_worker_started_on_an_empty_postgres_database_creates_the_ef_and_quartz_tables_and_joins_the_clustered_scheduler()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        Assert.Empty(await database.TableNamesAsync());

        await using var worker = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), role: "worker");
        await MigratedSchema.AssertAsync(database, worker, PostgresQuartzScheduler.CreateSql);
    }
}
