using MassTransit;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Partitions;

/// <summary>
/// Shares the ingest partitions among the live workers. Every <c>Messaging:WorkerHeartbeat</c> the worker records that
/// it is alive (<see cref="IngestWorker"/>), forgets workers silent for three heartbeats, and consumes exactly the
/// partition queues it owns (<see cref="IngestPartition.OwnedBy"/>), connecting and stopping receive endpoints as
/// workers come and go. Each queue is declared single-active-consumer, so while two workers briefly disagree (one has
/// not yet let a queue go that the other already took) the newcomer waits behind the old owner instead of consuming
/// beside it: a promise's events are never applied by two workers at once, and a dying worker's unacknowledged
/// messages go to the next owner. Wall-clock time, not the host's <c>IClock</c>: liveness is about processes, and the
/// hosts' clocks are assumed synchronised (NTP), as Quartz's clustering assumes.
/// </summary>
public sealed class IngestPartitionOwner(
    IBusControl bus, IReceiveEndpointConnector connector, IServiceScopeFactory scopes, MessagingOptions messaging, ILogger<IngestPartitionOwner> logger)
    : BackgroundService
{
    private readonly Dictionary<int, HostReceiveEndpointHandle> _consumed = [];
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private volatile int[] _owned = [];

    /// <summary>This worker's id in the <see cref="IngestWorker"/> table.</summary>
    public string WorkerId { get; } = NewWorkerId();

    /// <summary>The partitions whose queues this worker consumes now (in order).</summary>
    public IReadOnlyList<int> Owned => _owned;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // MassTransit's hosted service returns before the bus has started; an endpoint connected to a bus still starting
        // could leave its transport waiting for a channel for ever, and the bus's stop waiting on it.
        while (bus.CheckHealth().Status == BusHealthStatus.Unhealthy)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(messaging.WorkerHeartbeat);
        do
        {
            try
            {
                await RebalanceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Keep consuming what is owned: without a heartbeat the others take over only behind this worker's consumers.
                logger.LogWarning(e, "Could not refresh the ingest partition owners; keeping partitions {Owned}", string.Join(",", _owned));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await StopConsumingAsync(cancellationToken);
        try
        {
            // Leaving at once lets the others take the partitions over at their next heartbeat instead of after three.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
            await db.IngestWorkers.Where(w => w.Id == WorkerId).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not sign worker {Worker} out of the ingest partitions; the others take over after three heartbeats", WorkerId);
        }
    }

    /// <summary>Stops this worker's partition queues before the bus stops (this service stops first: it is registered after the bus's).</summary>
    private async Task StopConsumingAsync(CancellationToken ct)
    {
        await StopWhenStartedAsync(_consumed.Values.ToList(), ct);
        _consumed.Clear();
    }

    /// <summary>
    /// Stops receive endpoints, letting those still starting finish first (up to <see cref="ReadyTimeout"/>, e.g. while
    /// the broker is down): a RabbitMQ endpoint stopped before its consumer was registered left its transport waiting
    /// for a channel that never came, and the host's stop waiting on it for ever.
    /// </summary>
    private async Task StopWhenStartedAsync(IReadOnlyList<HostReceiveEndpointHandle> handles, CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(handles.Select(h => h.Ready)).WaitAsync(ReadyTimeout, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Not every ingest partition queue started; stopping them anyway");
        }

        await Task.WhenAll(handles.Select(h => h.StopAsync(ct)));
    }

    /// <summary>Host and process for whoever reads the table, made unique by a GUID; at most 64 characters, keeping the GUID.</summary>
    private static string NewWorkerId()
    {
        var id = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return id.Length <= 64 ? id : id[^64..];
    }

    private async Task RebalanceAsync(CancellationToken ct)
    {
        IReadOnlySet<int> owned;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
            var seenAt = DateTime.UtcNow;
            var updated = await db.IngestWorkers.Where(w => w.Id == WorkerId).ExecuteUpdateAsync(u => u.SetProperty(w => w.SeenAt, seenAt), ct);
            if (updated == 0)
            {
                db.IngestWorkers.Add(new IngestWorker { Id = WorkerId, SeenAt = seenAt });
                await db.SaveChangesAsync(ct);
            }

            var silentSince = seenAt - (3 * messaging.WorkerHeartbeat);
            await db.IngestWorkers.Where(w => w.SeenAt < silentSince).ExecuteDeleteAsync(ct);
            var live = await db.IngestWorkers.AsNoTracking().Select(w => w.Id).ToListAsync(ct);
            owned = IngestPartition.OwnedBy(WorkerId, live, messaging.IngestPartitions);
        }

        // Let go first, so that a queue moving to another worker is never held by this one longer than needed.
        var released = _consumed.Keys.Where(p => !owned.Contains(p)).ToList();
        await StopWhenStartedAsync(released.Select(p => _consumed[p]).ToList(), ct);
        released.ForEach(p => _consumed.Remove(p));

        foreach (var partition in owned.Where(p => !_consumed.ContainsKey(p)).Order())
        {
            var handle = connector.ConnectReceiveEndpoint(messaging.PartitionQueue(partition), (context, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SingleActiveConsumer = true;
                }

                endpoint.ConfigureConsumer<RecordCarrierEventsConsumer>(context);
            });
            // Recorded before it is ready, so that a stop while it starts still finds it (StopConsumingAsync).
            _consumed[partition] = handle;
            await handle.Ready.WaitAsync(ct);
        }

        var consumed = _consumed.Keys.Order().ToArray();
        if (!consumed.SequenceEqual(_owned))
        {
            logger.LogInformation("Worker {Worker} consumes ingest partitions {Owned} of {Count}", WorkerId, string.Join(",", consumed), messaging.IngestPartitions);
            _owned = consumed;
        }
    }
}
