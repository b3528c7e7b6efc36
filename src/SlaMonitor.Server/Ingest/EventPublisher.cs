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

        // Not cancelled with the request: once sending starts, every group goes out (duplicates are harmless). Only a
        // broker that does not confirm in time stops it: the webhook then answers 503 and the sender tries again.
        using var confirm = new CancellationTokenSource(messaging.ConfirmTimeout);
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

        try
        {
            await Task.WhenAll(messages.Select(message => endpoint.Send(message, confirm.Token)));
        }
        catch (OperationCanceledException e) when (confirm.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm the events within {messaging.ConfirmTimeout:c} (Messaging:ConfirmTimeout).", e);
        }
    }
}
