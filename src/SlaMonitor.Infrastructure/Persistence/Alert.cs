namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// Someone to tell about an escalation, written in the same transaction as the escalation change that decided it
/// and delivered afterwards by the alert dispatcher: <c>pending → sending → sent | failed</c>, retried with back-off.
/// </summary>
public sealed class Alert
{
    /// <summary>The alertId receivers deduplicate by: the same for every try of this alert.</summary>
    public Guid Id { get; set; }

    public Guid EscalationId { get; set; }
    public int Level { get; set; }

    /// <summary>The ladder level's audience: accountManager or dutyManager.</summary>
    public required string Notify { get; set; }

    /// <summary>Alerts of one destination (the customer) are sent one after another; a slow one delays only its own.</summary>
    public required string Destination { get; set; }

    /// <summary>pending, sending (claimed until <see cref="NextAttemptAt"/>), sent, failed or dropped (muted by a silence, then not sent).</summary>
    public required string State { get; set; }

    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public Guid? Claim { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>A composed email (the weekly report): its subject and HTML body, sent as stored to <see cref="Destination"/>; null for escalation alerts.</summary>
    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>The silence that last muted it: when that window ends it is sent only if still worth telling.</summary>
    public Guid? SilenceId { get; set; }
}
