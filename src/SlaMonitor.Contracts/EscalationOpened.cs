namespace SlaMonitor.Contracts;

/// <summary>A promise went AT_RISK or BREACHED and an escalation opened at its ladder's first level.</summary>
public sealed record EscalationOpened
{
    public required Guid EscalationId { get; init; }
    public required string TicketRef { get; init; }
    public required string Customer { get; init; }
    public required string Site { get; init; }
    public string? Carrier { get; init; }
    public required string Region { get; init; }
    public required string ReasonKey { get; init; }
    public required string PromiseStatus { get; init; }
    public required int Level { get; init; }
    public required string Notify { get; init; }
    public Guid? IncidentId { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
}
