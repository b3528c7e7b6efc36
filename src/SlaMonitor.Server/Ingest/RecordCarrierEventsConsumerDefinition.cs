using MassTransit;
using SlaMonitor.Contracts;
using SlaMonitor.Server.Hosting;

namespace SlaMonitor.Server.Ingest;

public sealed class RecordCarrierEventsConsumerDefinition : ConsumerDefinition<RecordCarrierEventsConsumer>
{
    private readonly int _partitions;

    public RecordCarrierEventsConsumerDefinition(MessagingSettings messaging, PersistenceSettings persistence)
    {
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentNullException.ThrowIfNull(persistence);
        EndpointName = messaging.RecordEventsQueue;
        // SQLite takes one writer at a time; parallel consumers would only queue on its lock.
        _partitions = persistence.IsServerDatabase ? 8 : 1;
        ConcurrentMessageLimit = _partitions;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordCarrierEventsConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(50, 200, 500, 1000, 2000, 5000));
        var partitioner = endpointConfigurator.CreatePartitioner(_partitions);
        // One promise's events are applied serially; different promises in parallel.
        consumerConfigurator.Message<RecordCarrierEvents>(m => m.UsePartitioner(partitioner, c => c.Message.PartitionKey));
    }
}
