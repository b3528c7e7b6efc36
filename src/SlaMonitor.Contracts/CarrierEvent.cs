namespace SlaMonitor.Contracts;

public sealed record CarrierEvent
{
    public required string EventId { get; init; }
    public required string Kind { get; init; }
    public required string Code { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public string? TicketRef { get; init; }
    public string? ShipmentRef { get; init; }
    public EventLocation? Location { get; init; }
    public DateTimeOffset? EstimatedArrival { get; init; }
    public PromiseOpening? Opened { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
}
