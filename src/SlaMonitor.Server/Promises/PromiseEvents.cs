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

    private const int KeysPerQuery = 1000;

    public static async Task<List<StoredEvent>> LoadAsync(SlaDbContext db, string ticketRef, CancellationToken ct) =>
        (await LoadManyAsync(db, [ticketRef], ct)).GetValueOrDefault(ticketRef) ?? [];

    /// <summary>Every listed ticket's events in timeline order, in two queries per thousand tickets; tickets without events are absent.</summary>
    public static async Task<Dictionary<string, List<StoredEvent>>> LoadManyAsync(SlaDbContext db, IReadOnlyCollection<string> ticketRefs, CancellationToken ct)
    {
        var byTicket = new Dictionary<string, List<StoredEvent>>(StringComparer.Ordinal);
        foreach (var chunk in ticketRefs.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            var tickets = chunk.ToList();
            var events = await db.Events.AsNoTracking()
                .Where(e => e.TicketRef != null && tickets.Contains(e.TicketRef) && e.ParkedExpiredAt == null && e.RefusedReason == null).ToListAsync(ct);
            foreach (var group in events.GroupBy(e => e.TicketRef!, StringComparer.Ordinal))
            {
                byTicket[group.Key] = group.ToList();
            }

            await AddShipmentOnlyAsync(db, chunk.Where(byTicket.ContainsKey).Select(t => byTicket[t]).ToList(), ct);
        }

        foreach (var events in byTicket.Values)
        {
            events.Sort(TimelineOrder.Compare);
        }

        return byTicket;
    }

    /// <summary>Adds to each ticket's events the shipment-only events of its linked shipments that occurred near its life.</summary>
    private static async Task AddShipmentOnlyAsync(SlaDbContext db, List<List<StoredEvent>> tickets, CancellationToken ct)
    {
        var shipments = tickets.SelectMany(t => t).Select(e => e.ShipmentRef).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (shipments.Count == 0)
        {
            return;
        }

        var shipmentOnly = await db.Events.AsNoTracking()
            .Where(e => e.TicketRef == null && shipments.Contains(e.ShipmentRef!) && e.ParkedExpiredAt == null && e.RefusedReason == null)
            .ToListAsync(ct);
        if (shipmentOnly.Count == 0)
        {
            return;
        }

        var byShipment = shipmentOnly.ToLookup(e => e.ShipmentRef!, StringComparer.Ordinal);
        foreach (var events in tickets)
        {
            events.Sort(TimelineOrder.Compare);
            if (PromiseFolding.Opened(events) is not { } opened)
            {
                continue;
            }

            var from = opened.OccurredAt - LinkedBefore;
            var until = opened.OccurredAt + LinkedAfter;
            var linked = events.Select(e => e.ShipmentRef).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            events.AddRange(linked.SelectMany(s => byShipment[s]).Where(e => e.OccurredAt >= from && e.OccurredAt <= until));
        }
    }

    /// <summary>The tickets that shipment-only events for these tracking numbers belong to.</summary>
    public static Task<List<string>> TicketsLinkedTo(SlaDbContext db, IReadOnlyCollection<string> shipmentRefs, CancellationToken ct) =>
        db.Events.AsNoTracking()
            .Where(e => e.TicketRef != null && shipmentRefs.Contains(e.ShipmentRef!))
            .Select(e => e.TicketRef!)
            .Distinct()
            .ToListAsync(ct);
}
