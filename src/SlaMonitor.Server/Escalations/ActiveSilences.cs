using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>Which silences are in force now, and which of them covers an escalation (every field it names equal).</summary>
public static class ActiveSilences
{
    public static IQueryable<Silence> At(IQueryable<Silence> silences, Instant now)
    {
        ArgumentNullException.ThrowIfNull(silences);
        var nowUtc = now.ToDateTimeUtc();
        return silences.Where(s => s.EndedAt == null && s.From <= nowUtc && s.Until > nowUtc);
    }

    public static bool IsActive(Silence silence, Instant now)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var nowUtc = now.ToDateTimeUtc();
        return silence.EndedAt is null && silence.From <= nowUtc && silence.Until > nowUtc;
    }

    /// <summary>Every silence in force now: few at any time, so they are read once and matched in memory.</summary>
    public static async Task<List<Silence>> ReadAsync(SlaDbContext db, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await At(db.Silences.AsNoTracking(), now).ToListAsync(ct);
    }

    public static bool Covers(Silence silence, Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(silence);
        ArgumentNullException.ThrowIfNull(escalation);
        return (silence.Carrier is null || string.Equals(silence.Carrier, escalation.CarrierCode, StringComparison.Ordinal))
            && (silence.Region is null || string.Equals(silence.Region, escalation.Region, StringComparison.Ordinal))
            && (silence.Customer is null || string.Equals(silence.Customer, escalation.CustomerCode, StringComparison.Ordinal));
    }

    /// <summary>Of the silences covering the escalation, the one that ends last; null when none does.</summary>
    public static Silence? For(IEnumerable<Silence> active, Escalation escalation) =>
        active.Where(s => Covers(s, escalation)).MaxBy(s => s.Until);

    /// <summary>The unresolved escalations a silence covers, for a query.</summary>
    public static IQueryable<Escalation> Covered(IQueryable<Escalation> escalations, Silence silence)
    {
        ArgumentNullException.ThrowIfNull(escalations);
        ArgumentNullException.ThrowIfNull(silence);
        var query = escalations.Where(e => e.State != EscalationStates.Resolved);
        query = silence.Carrier is { } carrier ? query.Where(e => e.CarrierCode == carrier) : query;
        query = silence.Region is { } region ? query.Where(e => e.Region == region) : query;
        return silence.Customer is { } customer ? query.Where(e => e.CustomerCode == customer) : query;
    }
}
