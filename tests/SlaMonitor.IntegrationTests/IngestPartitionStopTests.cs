using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 19: a worker stopped while its ingest partition queues are still starting (a deploy rolled back at once, a test
/// host disposed right after it started) once left a RabbitMQ receive endpoint waiting for a channel and its stop
/// hanging for ever. Stopped at a spread of moments after start, every worker stops and leaves no consumer behind.
/// </summary>
public sealed class IngestPartitionStopTests(Servers servers)
{
    private const int Partitions = 8;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_worker_stopped_while_its_partition_queues_start_stops_and_leaves_no_consumer_behind()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var prefix = SlaHost.NewEndpointPrefix();
        var settings = new Dictionary<string, string?> { ["Messaging:IngestPartitions"] = $"{Partitions}" };
        var broker = new BrokerQueues(servers.RabbitMq);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var worker = new SlaHost(servers, database, prefix, role: "worker", settings: settings);
            await worker.ReadAsync(_ => Task.FromResult(0)); // starts the host
            await Task.Delay(TimeSpan.FromMilliseconds(attempt * 60));
            var stop = worker.DisposeAsync().AsTask();
            Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(HangGuard)));
            await stop;
            for (var partition = 0; partition < Partitions; partition++)
            {
                Assert.Equal(0u, (await broker.CountAsync($"{prefix}record-carrier-events-p{partition}")).Consumers);
            }
        }
    }
}
