using MassTransit;
using SlaMonitor.Contracts;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Sends accepted events to the ingest queue, one message per promise (ticketRef, else shipmentRef).
/// Sent to the queue rather than published to an exchange, so that events posted before any
/// worker has bound its queue are kept by the broker instead of dropped.
/// </summary>
public sealed class EventPublisher(ISendEndpointProvider sendEndpoints, MessagingOptions messaging)
{
    public async Task Send(string carrierCode, IReadOnlyCollection<CarrierEvent> events, DateTimeOffset receivedAt)
    {
        if (events.Count == 0)
        {
            return;
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(new Uri($"queue:{messaging.RecordEventsQueue}"));
        var messages = events
            .GroupBy(e => e.TicketRef ?? e.ShipmentRef!, StringComparer.Ordinal)
            .Select(group => new RecordCarrierEvents
            {
                CarrierCode = carrierCode,
                PartitionKey = group.Key,
                ReceivedAt = receivedAt,
                Events = group.ToList(),
            });

        // Not cancelled with the request: once sending starts, every group goes out (duplicates are harmless).
        await Task.WhenAll(messages.Select(message => endpoint.Send(message, CancellationToken.None)));
    }
}
