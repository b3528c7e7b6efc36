using MassTransit;
using SlaMonitor.Contracts;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Ingest.Partitions;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Sends accepted events to the ingest queue, one message per promise (ticketRef, else shipmentRef): with several
/// ingest partitions, to the queue of that key's partition (<see cref="IngestPartition"/>), so one promise's events
/// always meet the same worker. Sent to the queue rather than published to an exchange, so that events posted before
/// any worker has bound its queue are kept by the broker instead of dropped.
/// </summary>
public sealed class EventPublisher(ISendEndpointProvider sendEndpoints, MessagingOptions messaging)
{
    public async Task Send(string carrierCode, IReadOnlyCollection<CarrierEvent> events, DateTimeOffset receivedAt)
    {
        if (events.Count == 0)
        {
            return;
        }

        // Not cancelled with the request: once sending starts, every group goes out (duplicates are harmless). Only a
        // broker that does not confirm in time stops it: the webhook then answers 503 and the sender tries again.
        using var confirm = new CancellationTokenSource(messaging.ConfirmTimeout);
        var messages = events
            .GroupBy(e => e.TicketRef ?? e.ShipmentRef!, StringComparer.Ordinal)
            .Select(group => new RecordCarrierEvents
            {
                CarrierCode = carrierCode,
                PartitionKey = group.Key,
                ReceivedAt = receivedAt,
                Events = group.ToList(),
            });

        try
        {
            await Task.WhenAll(messages.Select(async message =>
            {
                // A partition queue is declared single-active-consumer by its worker; the sender declares it the same way,
                // or the broker refuses the declaration that differs (whichever of the two comes second).
                var queue = messaging.PartitionsIngest
                    ? $"{messaging.PartitionQueue(IngestPartition.Of(message.PartitionKey, messaging.IngestPartitions))}?singleactiveconsumer=true"
                    : messaging.RecordEventsQueue;
                var endpoint = await sendEndpoints.GetSendEndpoint(new Uri($"queue:{queue}"));
                await endpoint.Send(message, confirm.Token);
            }));
        }
        catch (OperationCanceledException e) when (confirm.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm the events within {messaging.ConfirmTimeout:c} (Messaging:ConfirmTimeout).", e);
        }
    }
}
