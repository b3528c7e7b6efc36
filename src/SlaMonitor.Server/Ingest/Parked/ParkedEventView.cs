namespace SlaMonitor.Server.Ingest.Parked;

public sealed record ParkedEventView(
    string Carrier, string EventId, string Kind, string Code, DateTime OccurredAt, string? TicketRef, string? ShipmentRef,
    DateTime ReceivedAt, DateTime? ExpiredAt);
