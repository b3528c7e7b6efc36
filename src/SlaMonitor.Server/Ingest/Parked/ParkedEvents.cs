using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Server.Ingest.Parked;

/// <summary>
/// Stored events no promise takes yet: a ticket's event before its OPENED (no promise row), or a
/// shipment-only event whose tracking number no promise has linked near the event's time. They are
/// applied as soon as the promise appears, unless expired first.
/// </summary>
public static class ParkedEvents
{
    public static IQueryable<StoredEvent> Query(SlaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = PromiseEvents.LinkedBefore.TotalDays;
        var after = PromiseEvents.LinkedAfter.TotalDays;
        return db.Events.Where(e =>
            e.TicketRef != null
                ? !db.Promises.Any(p => p.TicketRef == e.TicketRef)
                : !db.Events.Any(link => link.TicketRef != null && link.ShipmentRef == e.ShipmentRef
                    && db.Promises.Any(p => p.TicketRef == link.TicketRef
                        && e.OccurredAt >= p.OpenedAt.AddDays(-before) && e.OccurredAt <= p.OpenedAt.AddDays(after))));
    }

    public static IQueryable<StoredEvent> Waiting(SlaDbContext db) => Query(db).Where(e => e.ParkedExpiredAt == null);

    public static IQueryable<StoredEvent> Expired(SlaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Events.Where(e => e.ParkedExpiredAt != null);
    }
}
