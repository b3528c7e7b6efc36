namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>The canonical event as posted; every field nullable so that validation can name what is missing.</summary>
public sealed record EventBody
{
    public string? EventId { get; init; }
    public string? Kind { get; init; }
    public string? Code { get; init; }
    public string? OccurredAt { get; init; }
    public string? TicketRef { get; init; }
    public string? ShipmentRef { get; init; }
    public LocationBody? Location { get; init; }
    public string? EstimatedArrival { get; init; }
    public OpenedBody? Opened { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
}
