using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// A promise's events: those carrying its ticketRef, plus shipment-only events (e.g. a carrier that
/// knows only its tracking number) for shipments an event has linked to the ticket. A tracking number
/// is only trusted near the promise's life: from <see cref="LinkedBefore"/> before it opened to
/// <see cref="LinkedAfter"/> after, so a number the carrier reuses months later does not attach.
/// </summary>
public static class PromiseEvents
{
    public static readonly TimeSpan LinkedBefore = TimeSpan.FromDays(2);
    public static readonly TimeSpan LinkedAfter = TimeSpan.FromDays(30);

    public static async Task<List<StoredEvent>> LoadAsync(SlaDbContext db, string ticketRef, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking().Where(e => e.TicketRef == ticketRef).ToListAsync(ct);
        events.Sort(TimelineOrder.Compare);
        var shipments = events.Select(e => e.ShipmentRef).OfType<string>().Distinct().ToList();
        if (shipments.Count > 0 && PromiseFolding.Opened(events) is { } opened)
        {
            var from = opened.OccurredAt - LinkedBefore;
            var until = opened.OccurredAt + LinkedAfter;
            events.AddRange(await db.Events.AsNoTracking()
                .Where(e => e.TicketRef == null && shipments.Contains(e.ShipmentRef!) && e.OccurredAt >= from && e.OccurredAt <= until)
                .ToListAsync(ct));
            events.Sort(TimelineOrder.Compare);
        }

        return events;
    }

    /// <summary>The tickets that shipment-only events for these tracking numbers belong to.</summary>
    public static Task<List<string>> TicketsLinkedTo(SlaDbContext db, IReadOnlyCollection<string> shipmentRefs, CancellationToken ct) =>
        db.Events.AsNoTracking()
            .Where(e => e.TicketRef != null && shipmentRefs.Contains(e.ShipmentRef!))
            .Select(e => e.TicketRef!)
            .Distinct()
            .ToListAsync(ct);
}
