namespace SlaMonitor.Server.Promises;

public sealed record TimelineEntry(
    string EventId,
    string Carrier,
    string Kind,
    string Code,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string? ShipmentRef,
    string? Location,
    string? Reason,
    string? Note,
    VoidMark? Void = null);
