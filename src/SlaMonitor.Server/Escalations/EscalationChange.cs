namespace SlaMonitor.Server.Escalations;

/// <summary>What happened to an escalation; the bus carries it as <see cref="EscalationTransition.Name"/>.</summary>
public enum EscalationChange
{
    /// <summary>Its wake-up moved on without telling anyone (the ladder's next step is later).</summary>
    Rescheduled,
    Climbed,
    Renotified,
    Acknowledged,
    Assigned,

    /// <summary>Its promise's status or reasons changed while it stayed open.</summary>
    Status,

    /// <summary>Its promise was re-derived without a visible change; only the revision it follows moved (not announced).</summary>
    Followed,
    Resolved,

    /// <summary>Its latest alert was tried (sent, to be retried, or given up); not announced on the bus.</summary>
    AlertTried,
}
