using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Stores a batch's new events with <see cref="BulkInsert"/> (linq2db BulkCopy: binary COPY on PostgreSQL,
/// SqlBulkCopy on SQL Server; EF on SQLite). Duplicates are dropped inside the batch and against the
/// database first; if a concurrent writer still wins a key, the copy is rolled back and the rows are
/// inserted one by one, skipping those the unique (CarrierCode, EventId) key already holds.
/// </summary>
public sealed class EventBulkWriter(SlaDbContext db, ILogger<EventBulkWriter> logger)
{
    /// <summary>Stores the events not stored yet; returns how many were new.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<RecordCarrierEvents> messages, CancellationToken ct)
    {
        var candidates = messages
            .SelectMany(m => m.Events.Select(e => StoredEvents.From(m.CarrierCode, e, m.ReceivedAt)))
            .DistinctBy(e => (e.CarrierCode, e.EventId))
            .ToList();
        var known = await KnownKeysAsync(candidates, ct);
        var fresh = candidates.Where(e => !known.Contains((e.CarrierCode, e.EventId))).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        try
        {
            await BulkInsert.AllOrNoneAsync(db, fresh, ct);
        }
        catch (DbException e)
        {
            logger.LogInformation(e, "Bulk insert of {Count} events collided with a concurrent writer; inserting them one by one", fresh.Count);
            await InsertSkippingKnownAsync(fresh, ct);
        }

        return fresh.Count;
    }

    private async Task<HashSet<(string, string)>> KnownKeysAsync(List<StoredEvent> candidates, CancellationToken ct)
    {
        var known = new HashSet<(string, string)>();
        foreach (var carrier in candidates.GroupBy(e => e.CarrierCode, StringComparer.Ordinal))
        {
            var stored = await StoredEvents.StoredIdsAsync(db, carrier.Key, carrier.Select(e => e.EventId), ct);
            known.UnionWith(stored.Select(id => (carrier.Key, id)));
        }

        return known;
    }

    private async Task InsertSkippingKnownAsync(List<StoredEvent> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            row.Id = 0;
            db.Events.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await IsStoredAsync(row, ct))
                {
                    throw;
                }

                // Another writer stored this event first: the unique key has the last word.
            }

            db.ChangeTracker.Clear();
        }
    }

    private Task<bool> IsStoredAsync(StoredEvent row, CancellationToken ct) =>
        db.Events.AsNoTracking().AnyAsync(e => e.CarrierCode == row.CarrierCode && e.EventId == row.EventId, ct);
}
