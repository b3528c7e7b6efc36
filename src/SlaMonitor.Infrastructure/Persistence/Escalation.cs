namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// One escalation of one promise. <see cref="OpenKey"/> holds the ticket while the escalation is not
/// resolved and is unique, so a promise never has two unresolved escalations, whatever the races.
/// </summary>
public sealed class Escalation
{
    public Guid Id { get; set; }
    public required string TicketRef { get; set; }

    /// <summary>The ticket while open or acknowledged; null once resolved (unique index).</summary>
    public string? OpenKey { get; set; }

    public required string CustomerCode { get; set; }
    public required string SiteCode { get; set; }
    public string? CarrierCode { get; set; }
    public required string Region { get; set; }

    /// <summary>Reason category of the business key (CARRIER, CUSTOMS, IN_TRANSIT, …).</summary>
    public required string ReasonKey { get; set; }

    /// <summary>The promise's reasons in words when the escalation opened or last changed, as a JSON array.</summary>
    public string ReasonsJson { get; set; } = "[]";

    /// <summary>The promise status that opened it (AT_RISK or BREACHED), updated while open.</summary>
    public required string PromiseStatus { get; set; }

    public DateTime Deadline { get; set; }
    public int Level { get; set; }

    /// <summary>open, acknowledged or resolved.</summary>
    public required string State { get; set; }

    public DateTime OpenedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgeNote { get; set; }
    public string? AssignedTo { get; set; }
    public DateTime? ResolvedAt { get; set; }

    /// <summary>MET (a breach prevented), MISSED, CANCELLED, RECOVERED or MANUAL.</summary>
    public string? Outcome { get; set; }

    /// <summary>Durable wake-up: the next ladder climb or re-notification; null when nothing is due.</summary>
    public DateTime? NextNotifyAt { get; set; }

    public DateTime? LastNotifiedAt { get; set; }
    public int NotifyAttempts { get; set; }
    public int RenotifyCount { get; set; }
    public required string ServiceLevel { get; set; }
    public int PolicyVersion { get; set; }
    public Guid? IncidentId { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The worker's claim on the due wake-up; the wake-up time is moved ahead by the lease meanwhile,
    /// so a claim by a worker that dies comes due again.</summary>
    public Guid? WakeupClaim { get; set; }

    /// <summary>Its latest alert: null (none queued), pending, retrying (a try failed), sent or failed (given up).</summary>
    public string? AlertState { get; set; }

    /// <summary>Optimistic concurrency between workers, the API and the projector.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// The revision of its promise it last followed. Two re-derivations of a promise (a wake-up, an event, a correction)
    /// can keep its escalation at the same time; the one judged on an older revision is ignored, so a stale "met"
    /// cannot resolve the escalation of a promise a later correction made breached again.
    /// </summary>
    public int PromiseRevision { get; set; }
}
