using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>An event as the engine sees it; the host maps stored canonical events onto this record.</summary>
public sealed record PromiseEvent(
    string CarrierCode,
    string EventId,
    EventKind Kind,
    string Code,
    Instant OccurredAt,
    string? Reason = null,
    string? LocationCode = null,
    Instant? EstimatedArrival = null,
    string? ShipmentRef = null);
