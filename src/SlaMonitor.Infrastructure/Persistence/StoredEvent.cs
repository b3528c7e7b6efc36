namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>An accepted carrier event; (CarrierCode, EventId) is unique and settles duplicates.</summary>
public sealed class StoredEvent
{
    public long Id { get; set; }
    public required string CarrierCode { get; set; }
    public required string EventId { get; set; }
    public required string Kind { get; set; }
    public required string Code { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? TicketRef { get; set; }
    public string? ShipmentRef { get; set; }
    public string? LocationCode { get; set; }
    public string? CountryCode { get; set; }
    public DateTime? EstimatedArrival { get; set; }
    public string? OpenedCustomer { get; set; }
    public string? OpenedSite { get; set; }
    public string? OpenedServiceLevel { get; set; }

    /// <summary>OPENED only: the deadline quoted to the customer, replacing the policy's target (UTC).</summary>
    public DateTime? OpenedPromisedBy { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>Why the event is never applied: its carrier is not granted the promise's customer. Null for applied events.</summary>
    public string? RefusedReason { get; set; }

    /// <summary>When the event, parked (no promise to apply it to) for too long, was expired; it is then never applied.</summary>
    public DateTime? ParkedExpiredAt { get; set; }
}
