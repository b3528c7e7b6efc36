using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Api;

namespace SlaMonitor.Server.Board;

/// <summary>Reads board rows: every open promise (a snapshot), or every promise changed since an instant (a diff).</summary>
public static class BoardRows
{
    public sealed record Changed(BoardRow Row, DateTime UpdatedAt);

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

    public static async Task<List<Changed>> ChangedSinceAsync(SlaDbContext db, DateTime since, CancellationToken ct)
    {
        var rows = await (from p in db.Promises.AsNoTracking()
                          where p.UpdatedAt >= since
                          join s in db.Sites.AsNoTracking() on p.SiteCode equals s.Code
                          select new { p, s }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var shipments = await ShipmentsAsync(
            from e in db.Events.AsNoTracking()
            join p in db.Promises.AsNoTracking() on e.TicketRef equals p.TicketRef
            where e.ShipmentRef != null && p.UpdatedAt >= since
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
        new(PromisesApi.ToView(promise, site, null), promise.Revision, shipments[promise.TicketRef].ToList());
}
