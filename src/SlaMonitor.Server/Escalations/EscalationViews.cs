using System.Xml;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Escalations;

/// <summary>What leaves the server about escalations: the one view of a stored escalation, and the metrics of a set of them (the API's and the board's).</summary>
public static class EscalationViews
{
    /// <summary><paramref name="silences"/>: those in force now (<see cref="ActiveSilences.ReadAsync"/>), read once for a whole list.</summary>
    public static EscalationView ToView(Escalation e, IReadOnlyCollection<Silence> silences)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(silences);
        var silence = e.State == EscalationStates.Resolved ? null : ActiveSilences.For(silences, e);
        return new(
            e.Id, e.TicketRef, e.CustomerCode, e.SiteCode, e.CarrierCode, e.Region, e.ReasonKey,
            AdminJson.Deserialize<List<string>>(e.ReasonsJson), e.PromiseStatus, e.Level, e.State,
            Utc(e.OpenedAt), Utc(e.Deadline), Utc(e.AcknowledgedAt), e.AcknowledgedBy, e.AcknowledgeNote,
            e.AcknowledgedAt is { } ack ? XmlConvert.ToString(TimeSpan.FromSeconds(Math.Round((ack - e.OpenedAt).TotalSeconds))) : null,
            e.AssignedTo, Utc(e.ResolvedAt), e.Outcome, Utc(e.NextNotifyAt), e.NotifyAttempts, e.IncidentId, e.PolicyVersion, e.AlertState,
            silence is null ? null : Utc(silence.Until));
    }

    private static DateTimeOffset Utc(DateTime value) => new(value, TimeSpan.Zero);

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(v, TimeSpan.Zero) : null;

    /// <summary>The metrics of these escalations (the API's and the board's headline numbers).</summary>
    public static async Task<EscalationMetricsView> MetricsAsync(SlaDbContext db, IQueryable<Escalation> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await query.Select(e => new { e.OpenedAt, e.Deadline, e.AcknowledgedAt, e.State, e.Outcome, e.TicketRef }).ToListAsync(ct);
        var tickets = rows.Where(r => r.Outcome == EscalationOutcomes.Recovered).Select(r => r.TicketRef).Distinct().ToList();
        var metLater = (await db.Promises.AsNoTracking().Where(p => tickets.Contains(p.TicketRef) && p.Status == PromiseStatuses.Met).Select(p => p.TicketRef).ToListAsync(ct)).ToHashSet();
        return new EscalationMetricsView(
            rows.Count,
            rows.Count(r => r.AcknowledgedAt is not null),
            rows.Count(r => r.State == EscalationStates.Resolved),
            rows.Count(r => r.Outcome == EscalationOutcomes.Met || (r.Outcome == EscalationOutcomes.Recovered && metLater.Contains(r.TicketRef))),
            rows.Count(r => r.Outcome == EscalationOutcomes.Missed),
            Median(rows.Select(r => r.Deadline - r.OpenedAt)),
            Median(rows.Where(r => r.AcknowledgedAt is not null).Select(r => r.AcknowledgedAt!.Value - r.OpenedAt)));
    }

    private static string? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : XmlConvert.ToString(TimeSpan.FromSeconds(Math.Round(sorted[sorted.Count / 2].TotalSeconds)));
    }
}
