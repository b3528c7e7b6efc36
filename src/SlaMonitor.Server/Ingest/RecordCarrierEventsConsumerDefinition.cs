using MassTransit;
using MassTransit.Middleware;
using SlaMonitor.Contracts;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Enough messages in flight for every stripe to fill a whole batch (<see cref="IngestStripes"/>), retries,
/// and a requeue instead of the error queue for what fails while the worker stops.
/// </summary>
public sealed class RecordCarrierEventsConsumerDefinition : ConsumerDefinition<RecordCarrierEventsConsumer>
{
    private readonly IngestStripes _stripes;

    public RecordCarrierEventsConsumerDefinition(MessagingOptions messaging, IngestStripes stripes)
    {
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentNullException.ThrowIfNull(stripes);
        _stripes = stripes;
        EndpointName = messaging.RecordEventsQueue;
        // Every stripe can fill a whole batch; fewer messages in flight would cut batches short.
        ConcurrentMessageLimit = IngestStripes.MaxBatch * stripes.Count;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecordCarrierEventsConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        ArgumentNullException.ThrowIfNull(context);
        // Once the worker stops, a failed batch is neither retried (the retries would hold the stop up, and the
        // container may be going away) nor moved to the error queue: it goes back to the queue for the next worker.
        var stopping = context.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        endpointConfigurator.PrefetchCount = IngestStripes.MaxBatch * _stripes.Count;
        endpointConfigurator.ConfigureError(error =>
        {
            error.UseFilter(new RequeueWhenStoppingFilter(stopping));
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<Exception>(e => RequeueWhenStoppingFilter.IsStopping(e, stopping));
            r.Intervals(50, 200, 500, 1000, 2000, 5000);
        });
    }
}
