namespace SlaMonitor.Contracts;

public sealed record PromiseStatusChanged
{
    public required string TicketRef { get; init; }
    public required string Status { get; init; }
    public string? PreviousStatus { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
