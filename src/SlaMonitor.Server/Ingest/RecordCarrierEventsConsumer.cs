using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Stores new events (the unique key settles duplicates) and re-derives every promise the
/// message touches. Re-deriving is idempotent, so a redelivered message changes nothing.
/// </summary>
public sealed class RecordCarrierEventsConsumer(SlaDbContext db, PromiseProjector projector, IClock clock) : IConsumer<RecordCarrierEvents>
{
    public async Task Consume(ConsumeContext<RecordCarrierEvents> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var ids = message.Events.Select(e => e.EventId).Distinct().ToList();
        var known = await db.Events
            .Where(e => e.CarrierCode == message.CarrierCode && ids.Contains(e.EventId))
            .Select(e => e.EventId)
            .ToListAsync(ct);
        var fresh = message.Events
            .Where(e => !known.Contains(e.EventId))
            .DistinctBy(e => e.EventId)
            .Select(e => StoredEvents.From(message.CarrierCode, e, message.ReceivedAt))
            .ToList();
        if (fresh.Count > 0)
        {
            db.Events.AddRange(fresh);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var shipmentOnly = message.Events.Where(e => e.TicketRef is null).Select(e => e.ShipmentRef).OfType<string>().Distinct().ToList();
        var linked = shipmentOnly.Count == 0 ? [] : await PromiseEvents.TicketsLinkedTo(db, shipmentOnly, ct);
        foreach (var ticketRef in message.Events.Select(e => e.TicketRef).OfType<string>().Concat(linked).Distinct())
        {
            await projector.Refresh(ticketRef, clock.GetCurrentInstant(), ct);
        }
    }
}
