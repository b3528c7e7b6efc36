namespace SlaMonitor.Contracts;

/// <summary>
/// Events a carrier posted and the webhook accepted, grouped by partition key
/// (ticketRef, else shipmentRef) so one promise's events travel together.
/// </summary>
public sealed record RecordCarrierEvents
{
    public required string CarrierCode { get; init; }
    public required string PartitionKey { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required IReadOnlyList<CarrierEvent> Events { get; init; }
}
