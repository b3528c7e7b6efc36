using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;

namespace SlaMonitor.Server.Escalations;

/// <summary>An escalation's wake-up has come: climb the ladder of its frozen policy version or re-notify with back-off.</summary>
public sealed class EscalationWaker(SlaDbContext db, OutboxSignal outbox, IEscalationAlerts notifier, IOptions<EscalationOptions> options)
{
    public async Task Wake(Guid id, Instant now, CancellationToken ct)
    {
        var escalation = await db.Escalations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null || escalation.State == EscalationStates.Resolved)
        {
            return;
        }

        var policy = await db.Policies.AsNoTracking()
            .FirstOrDefaultAsync(p => p.ServiceLevel == escalation.ServiceLevel && p.Version == escalation.PolicyVersion, ct);
        var ladder = policy is null ? EscalationRules.BoardOnly : EngineInputs.Policy(policy).EscalationLadder;
        var progress = new EscalationProgress(
            escalation.Level, Instant.FromDateTimeUtc(escalation.OpenedAt), escalation.State == EscalationStates.Acknowledged,
            escalation.RenotifyCount, escalation.LastNotifiedAt is { } last ? Instant.FromDateTimeUtc(last) : null);
        var decision = EscalationRules.Wake(ladder, progress, now, options.Value.Backoff());
        var transition = EscalationTransitions.Wake(escalation, decision, now);
        var alert = AlertRows.For(escalation, transition.Notify, now);
        if (alert is not null)
        {
            db.Alerts.Add(alert);
        }

        if (transition.IsAnnounced)
        {
            db.Outbox.Add(OutboxRows.Of(transition.Message(escalation, now), now));
        }

        await db.SaveChangesAsync(ct);
        if (transition.IsAnnounced)
        {
            outbox.Ring();
        }

        if (alert is not null)
        {
            notifier.Queued();
        }
    }
}
