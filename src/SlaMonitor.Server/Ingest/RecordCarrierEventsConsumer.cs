using MassTransit;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Takes a batch of ingest messages: bulk-stores the events not stored yet (the unique key settles
/// duplicates), then re-derives every promise the batch touches in one pass. Re-deriving is
/// idempotent, so a redelivered batch changes nothing. A batch holds one stripe of partition keys
/// (see <see cref="IngestStripes"/>), and a stripe is processed by one batch at a time, so one
/// promise's events are applied serially while other stripes run in parallel.
/// </summary>
public sealed class RecordCarrierEventsConsumer(
    SlaDbContext db, EventBulkWriter writer, PromiseProjector projector, IngestStripes stripes, IClock clock)
    : IConsumer<Batch<RecordCarrierEvents>>
{
    public async Task Consume(ConsumeContext<Batch<RecordCarrierEvents>> context)
    {
        // Not cancelled when the worker stops: a batch once started is finished (stopping waits for it), because
        // a batch cancelled half-way would be faulted to the error queue instead of redelivered.
        var ct = CancellationToken.None;
        var messages = context.Message.Select(m => m.Message).ToList();
        if (messages.Count == 0)
        {
            return;
        }

        using var held = await stripes.EnterAsync(messages[0].PartitionKey, ct);
        await writer.StoreAsync(messages, ct);

        var events = messages.SelectMany(m => m.Events).ToList();
        var shipmentOnly = events.Where(e => e.TicketRef is null).Select(e => e.ShipmentRef).OfType<string>().Distinct().ToList();
        var linked = shipmentOnly.Count == 0 ? [] : await PromiseEvents.TicketsLinkedTo(db, shipmentOnly, ct);
        var touched = events.Select(e => e.TicketRef).OfType<string>().Concat(linked).Distinct(StringComparer.Ordinal).ToList();
        await projector.RefreshMany(touched, clock.GetCurrentInstant(), ct);
    }
}
