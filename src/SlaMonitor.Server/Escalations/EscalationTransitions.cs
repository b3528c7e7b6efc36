using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>
/// Every change to a stored escalation: open, follow its promise (status, auto-resolve), wake (climb, re-notify),
/// acknowledge, assign, resolve. Each sets the fields, bumps the revision (here and nowhere else) and returns what
/// happened and whom to tell; the caller saves, then announces and notifies. The engine's
/// <see cref="EscalationRules"/> decides the ladder; this type applies the decisions to the row.
/// </summary>
public static class EscalationTransitions
{
    public static Escalation Open(Promise promise, string region, string reasonKey, EscalationDecision decision, Guid incidentId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(promise);
        ArgumentNullException.ThrowIfNull(decision);
        return new Escalation
        {
            Id = Guid.CreateVersion7(),
            TicketRef = promise.TicketRef,
            OpenKey = promise.TicketRef,
            CustomerCode = promise.CustomerCode,
            SiteCode = promise.SiteCode,
            CarrierCode = promise.CarrierCode,
            Region = region,
            ReasonKey = reasonKey,
            ReasonsJson = promise.ReasonsJson,
            PromiseStatus = promise.Status,
            PromiseRevision = promise.Revision,
            Deadline = promise.Deadline,
            Level = decision.Level,
            State = EscalationStates.Open,
            OpenedAt = now.ToDateTimeUtc(),
            NextNotifyAt = decision.NextWakeAt?.ToDateTimeUtc(),
            LastNotifiedAt = now.ToDateTimeUtc(),
            NotifyAttempts = 1,
            ServiceLevel = promise.ServiceLevel,
            PolicyVersion = promise.PolicyVersion,
            IncidentId = incidentId,
            UpdatedAt = now.ToDateTimeUtc(),
        };
    }

    /// <summary>
    /// Brings an open escalation in line with its re-derived promise: resolved when it closed or recovered, its status
    /// when that changed, else only the promise revision it follows (saved, so that an older re-derivation saving
    /// after this one loses on the escalation's revision and then finds itself stale). Nothing for a promise revision
    /// it has already followed.
    /// </summary>
    public static EscalationTransition? Follow(Escalation escalation, Promise promise, PromiseStatus status, Instant now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(promise);
        if (promise.Revision <= escalation.PromiseRevision)
        {
            return null;
        }

        escalation.PromiseRevision = promise.Revision;
        if (EscalationRules.Outcome(status) is { } outcome)
        {
            return Resolve(escalation, outcome, now);
        }

        if (escalation.PromiseStatus == promise.Status && escalation.ReasonsJson == promise.ReasonsJson)
        {
            escalation.Revision++;
            return new EscalationTransition(EscalationChange.Followed);
        }

        escalation.PromiseStatus = promise.Status;
        escalation.ReasonsJson = promise.ReasonsJson;
        escalation.Deadline = promise.Deadline;
        return Touch(escalation, EscalationChange.Status, null, now);
    }

    /// <summary>Applies the ladder's decision at a wake-up: climbed or re-notified (someone to tell), or only rescheduled.</summary>
    public static EscalationTransition Wake(Escalation escalation, EscalationDecision decision, Instant now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(decision);
        var climbed = decision.Level > escalation.Level;
        escalation.Level = decision.Level;
        escalation.RenotifyCount = decision.RenotifyCount;
        escalation.NextNotifyAt = decision.NextWakeAt?.ToDateTimeUtc();
        escalation.WakeupClaim = null;
        if (decision.Notify is null)
        {
            return Touch(escalation, EscalationChange.Rescheduled, null, now);
        }

        escalation.LastNotifiedAt = now.ToDateTimeUtc();
        escalation.NotifyAttempts++;
        return Touch(escalation, climbed ? EscalationChange.Climbed : EscalationChange.Renotified, decision.Notify, now);
    }

    /// <summary>Why a person cannot make this change (the API answers 409), or null when they can.</summary>
    public static string? Refusal(Escalation escalation, EscalationChange change)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return escalation.State switch
        {
            EscalationStates.Resolved => "The escalation is already resolved.",
            EscalationStates.Acknowledged when change == EscalationChange.Acknowledged => "The escalation is already acknowledged.",
            _ => null,
        };
    }

    /// <summary>Stops climbing and re-notification; <see cref="Refusal"/> first.</summary>
    public static EscalationTransition Acknowledge(Escalation escalation, string by, string? note, Instant now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        escalation.State = EscalationStates.Acknowledged;
        escalation.AcknowledgedAt = now.ToDateTimeUtc();
        escalation.AcknowledgedBy = by;
        escalation.AcknowledgeNote = note;
        escalation.NextNotifyAt = null;
        return Touch(escalation, EscalationChange.Acknowledged, null, now);
    }

    public static EscalationTransition Assign(Escalation escalation, string to, Instant now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        escalation.AssignedTo = to;
        return Touch(escalation, EscalationChange.Assigned, null, now);
    }

    /// <summary>Resolves with an outcome (<see cref="EscalationOutcomes"/>): by its promise closing or recovering, or by hand (MANUAL).</summary>
    public static EscalationTransition Resolve(Escalation escalation, string outcome, Instant now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        escalation.State = EscalationStates.Resolved;
        escalation.OpenKey = null;
        escalation.Outcome = outcome;
        escalation.ResolvedAt = now.ToDateTimeUtc();
        escalation.NextNotifyAt = null;
        escalation.WakeupClaim = null;
        return Touch(escalation, EscalationChange.Resolved, null, now);
    }

    /// <summary>The outcome of its latest alert's try (<see cref="AlertStates"/>), for the board and the API.</summary>
    public static EscalationTransition? AlertTried(Escalation escalation, Guid alertId, string alertState, Instant now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (AlertRows.IdOf(escalation.Id, escalation.NotifyAttempts) != alertId || escalation.AlertState == alertState)
        {
            return null;
        }

        escalation.AlertState = alertState;
        return Touch(escalation, EscalationChange.AlertTried, null, now);
    }

    private static EscalationTransition Touch(Escalation escalation, EscalationChange change, string? notify, Instant now)
    {
        escalation.UpdatedAt = now.ToDateTimeUtc();
        escalation.Revision++;
        return new EscalationTransition(change, notify);
    }
}
