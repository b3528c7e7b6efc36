using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Server.Board;

/// <summary>Reads board rows: every open promise (a snapshot), or every promise changed since an instant (a diff).</summary>
public static class BoardRows
{
    public sealed record Changed(BoardRow Row, DateTime UpdatedAt);

    public sealed record Version(string TicketRef, int Revision, DateTime UpdatedAt);

    public static async Task<List<BoardRow>> OpenAsync(SlaDbContext db, CancellationToken ct)
    {
        var open = OpenStatuses.All.ToArray();
        var rows = await (from p in db.Promises.AsNoTracking()
                          where open.Contains(p.Status)
                          join s in db.Sites.AsNoTracking() on p.SiteCode equals s.Code
                          orderby p.Deadline
                          select new { p, s }).ToListAsync(ct);
        var shipments = await ShipmentsAsync(
            from e in db.Events.AsNoTracking()
            join p in db.Promises.AsNoTracking() on e.TicketRef equals p.TicketRef
            where e.ShipmentRef != null && open.Contains(p.Status)
            select new Shipment(e.TicketRef!, e.ShipmentRef!), ct);
        return rows.Select(x => Row(x.p, x.s, shipments)).ToList();
    }

    /// <summary>Which promises changed since an instant, and to which revision: a narrow read the feed can afford every tick.</summary>
    public static async Task<List<Version>> VersionsSinceAsync(SlaDbContext db, DateTime since, CancellationToken ct) =>
        await db.Promises.AsNoTracking().Where(p => p.UpdatedAt >= since)
            .Select(p => new Version(p.TicketRef, p.Revision, p.UpdatedAt)).ToListAsync(ct);

    /// <summary>The rows of these promises, with the revision and UpdatedAt they were read at.</summary>
    public static async Task<List<Changed>> RowsAsync(SlaDbContext db, IReadOnlyCollection<string> ticketRefs, CancellationToken ct)
    {
        var rows = await (from p in db.Promises.AsNoTracking()
                          where ticketRefs.Contains(p.TicketRef)
                          join s in db.Sites.AsNoTracking() on p.SiteCode equals s.Code
                          select new { p, s }).ToListAsync(ct);
        var shipments = await ShipmentsAsync(
            from e in db.Events.AsNoTracking()
            where e.ShipmentRef != null && ticketRefs.Contains(e.TicketRef!)
            select new Shipment(e.TicketRef!, e.ShipmentRef!), ct);
        return rows.Select(x => new Changed(Row(x.p, x.s, shipments), x.p.UpdatedAt)).ToList();
    }

    /// <summary>The newest change the database knows of; the feed's starting point.</summary>
    public static async Task<DateTime?> LatestUpdateAsync(SlaDbContext db, CancellationToken ct) =>
        await db.Promises.AsNoTracking().MaxAsync(p => (DateTime?)p.UpdatedAt, ct);

    private sealed record Shipment(string TicketRef, string ShipmentRef);

    private static async Task<ILookup<string, string>> ShipmentsAsync(IQueryable<Shipment> query, CancellationToken ct) =>
        (await query.Distinct().ToListAsync(ct)).ToLookup(s => s.TicketRef, s => s.ShipmentRef, StringComparer.Ordinal);

    private static BoardRow Row(Promise promise, Site site, ILookup<string, string> shipments) =>
        new(PromiseViews.ToView(promise, site, null), promise.Revision, shipments[promise.TicketRef].ToList());
}
