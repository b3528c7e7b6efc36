using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>
/// A change made to a stored escalation by <see cref="EscalationTransitions"/>, with who is to be told (a ladder
/// level's <c>notify</c>, or null) — what the caller saves, announces and sends.
/// </summary>
public sealed record EscalationTransition(EscalationChange Change, string? Notify = null)
{
    /// <summary>The change as <see cref="EscalationChanged.Change"/> carries it ("climbed", "resolved", …).</summary>
    public string Name => Change.ToString().ToLowerInvariant();

    /// <summary>Whether the change is announced on the bus (a reschedule and an alert's try are not).</summary>
    public bool IsAnnounced => Change is not (EscalationChange.Rescheduled or EscalationChange.AlertTried or EscalationChange.Followed);

    public EscalationChanged Message(Escalation escalation, Instant now) => EscalationMessages.Changed(escalation, Name, Notify, now);
}
