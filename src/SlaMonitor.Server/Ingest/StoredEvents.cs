using Microsoft.EntityFrameworkCore;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Ingest;

public static class StoredEvents
{
    private const int IdsPerQuery = 1000;

    /// <summary>Which of a carrier's event ids are stored already: one query per thousand ids.</summary>
    public static async Task<HashSet<string>> StoredIdsAsync(SlaDbContext db, string carrierCode, IEnumerable<string> eventIds, CancellationToken ct)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in eventIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            var ids = chunk.ToList();
            stored.UnionWith(await db.Events.AsNoTracking()
                .Where(e => e.CarrierCode == carrierCode && ids.Contains(e.EventId))
                .Select(e => e.EventId)
                .ToListAsync(ct));
        }

        return stored;
    }

    public static StoredEvent From(string carrierCode, CarrierEvent e, DateTimeOffset receivedAt) => new()
    {
        CarrierCode = carrierCode,
        EventId = e.EventId,
        Kind = e.Kind,
        Code = e.Code,
        OccurredAt = e.OccurredAt.UtcDateTime,
        TicketRef = e.TicketRef,
        ShipmentRef = e.ShipmentRef,
        LocationCode = e.Location?.Code,
        CountryCode = e.Location?.CountryCode,
        EstimatedArrival = e.EstimatedArrival?.UtcDateTime,
        OpenedCustomer = e.Opened?.Customer,
        OpenedSite = e.Opened?.Site,
        OpenedServiceLevel = e.Opened?.ServiceLevel,
        OpenedPromisedBy = e.Opened?.PromisedBy?.UtcDateTime,
        Reason = e.Reason,
        Note = e.Note,
        ReceivedAt = receivedAt.UtcDateTime,
    };
}
