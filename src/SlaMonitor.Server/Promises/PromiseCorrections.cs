using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Promises;

/// <summary>A promise's corrections made by hand, in the order they were made, and what they are to the engine.</summary>
public static class PromiseCorrections
{
    private const int KeysPerQuery = 1000;

    public static async Task<List<StoredCorrection>> LoadAsync(SlaDbContext db, string ticketRef, CancellationToken ct) =>
        (await LoadManyAsync(db, [ticketRef], ct)).GetValueOrDefault(ticketRef) ?? [];

    /// <summary>Tickets without corrections are absent.</summary>
    public static async Task<Dictionary<string, List<StoredCorrection>>> LoadManyAsync(SlaDbContext db, IReadOnlyCollection<string> ticketRefs, CancellationToken ct)
    {
        var byTicket = new Dictionary<string, List<StoredCorrection>>(StringComparer.Ordinal);
        foreach (var chunk in ticketRefs.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            var tickets = chunk.ToList();
            var corrections = await db.Corrections.AsNoTracking().Where(c => tickets.Contains(c.TicketRef)).ToListAsync(ct);
            foreach (var group in corrections.GroupBy(c => c.TicketRef, StringComparer.Ordinal))
            {
                byTicket[group.Key] = group.OrderBy(c => c.MadeAt).ThenBy(c => c.Id).ToList();
            }
        }

        return byTicket;
    }

    public static bool Voids(IEnumerable<StoredCorrection> corrections, StoredEvent e) =>
        corrections.Any(c => c.Action == CorrectionActions.Void && c.CarrierCode == e.CarrierCode && c.EventId == e.EventId);

    public static PromiseCorrection ToEngine(StoredCorrection c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var madeAt = Instant.FromDateTimeUtc(c.MadeAt);
        var at = c.At is { } value ? Instant.FromDateTimeUtc(value) : madeAt;
        return c.Action switch
        {
            CorrectionActions.Void => PromiseCorrection.Void(c.CarrierCode!, c.EventId!, madeAt),
            CorrectionActions.Close => PromiseCorrection.Close(at, madeAt),
            CorrectionActions.Reopen => PromiseCorrection.Reopen(madeAt),
            _ => PromiseCorrection.MoveDeadline(at, madeAt),
        };
    }
}
