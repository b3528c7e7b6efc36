namespace SlaMonitor.Contracts;

/// <summary>
/// An escalation climbed, was re-notified, acknowledged, assigned or resolved. <c>Change</c> says which:
/// climbed, renotified, acknowledged, assigned, status (the promise status changed while open), resolved.
/// </summary>
public sealed record EscalationChanged
{
    public required Guid EscalationId { get; init; }
    public required string TicketRef { get; init; }
    public required string Customer { get; init; }
    public required string Change { get; init; }
    public required string State { get; init; }
    public required int Level { get; init; }
    public string? Notify { get; init; }
    public required string PromiseStatus { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? AssignedTo { get; init; }
    public string? Outcome { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
