using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Board;

/// <summary>One escalation in the board's queue: the API's own view, its revision, and the incident it belongs to.</summary>
public sealed record BoardEscalation(EscalationView Escalation, int Revision, string? IncidentKey, int IncidentMembers);

/// <summary>Escalations sent to the board: a snapshot replaces what the client holds; otherwise they are changes.</summary>
public sealed record EscalationBatch(IReadOnlyList<BoardEscalation> Items, bool Snapshot);

/// <summary>Reads the queue: every unresolved escalation (a snapshot), or those changed since an instant (a diff).</summary>
public static class BoardEscalations
{
    public sealed record Changed(BoardEscalation Item, DateTime UpdatedAt);

    public sealed record Version(Guid Id, int Revision, DateTime UpdatedAt);

    public static async Task<List<BoardEscalation>> UnresolvedAsync(SlaDbContext db, Instant now, CancellationToken ct) =>
        (await ReadAsync(db, db.Escalations.AsNoTracking().Where(e => e.State != EscalationStates.Resolved), now, ct)).Select(c => c.Item).ToList();

    public static async Task<List<Version>> VersionsSinceAsync(SlaDbContext db, DateTime since, CancellationToken ct) =>
        await db.Escalations.AsNoTracking().Where(e => e.UpdatedAt >= since)
            .Select(e => new Version(e.Id, e.Revision, e.UpdatedAt)).ToListAsync(ct);

    public static Task<List<Changed>> ByIdAsync(SlaDbContext db, IReadOnlyCollection<Guid> ids, Instant now, CancellationToken ct) =>
        ReadAsync(db, db.Escalations.AsNoTracking().Where(e => ids.Contains(e.Id)), now, ct);

    public static async Task<DateTime?> LatestUpdateAsync(SlaDbContext db, CancellationToken ct) =>
        await db.Escalations.AsNoTracking().MaxAsync(e => (DateTime?)e.UpdatedAt, ct);

    private static async Task<List<Changed>> ReadAsync(SlaDbContext db, IQueryable<Escalation> query, Instant now, CancellationToken ct)
    {
        var silences = await ActiveSilences.ReadAsync(db, now, ct);
        var escalations = await query.OrderBy(e => e.Deadline).ThenBy(e => e.OpenedAt).ToListAsync(ct);
        var incidentIds = escalations.Where(e => e.IncidentId is not null).Select(e => e.IncidentId!.Value).Distinct().ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id))
            .Select(i => new { i.Id, i.GroupKey, i.MemberCount }).ToDictionaryAsync(i => i.Id, ct);
        return escalations.Select(e =>
        {
            var incident = e.IncidentId is { } id && incidents.TryGetValue(id, out var found) ? found : null;
            return new Changed(new BoardEscalation(EscalationViews.ToView(e, silences), e.Revision, incident?.GroupKey, incident?.MemberCount ?? 1), e.UpdatedAt);
        }).ToList();
    }
}
