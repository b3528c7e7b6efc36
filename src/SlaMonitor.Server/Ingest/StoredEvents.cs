using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Ingest;

public static class StoredEvents
{
    public static StoredEvent From(string carrierCode, CarrierEvent e, DateTimeOffset receivedAt) => new()
    {
        CarrierCode = carrierCode,
        EventId = e.EventId,
        Kind = e.Kind,
        Code = e.Code,
        OccurredAt = e.OccurredAt.UtcDateTime,
        TicketRef = e.TicketRef,
        ShipmentRef = e.ShipmentRef,
        LocationCode = e.Location?.Code,
        CountryCode = e.Location?.CountryCode,
        EstimatedArrival = e.EstimatedArrival?.UtcDateTime,
        OpenedCustomer = e.Opened?.Customer,
        OpenedSite = e.Opened?.Site,
        OpenedServiceLevel = e.Opened?.ServiceLevel,
        Reason = e.Reason,
        Note = e.Note,
        ReceivedAt = receivedAt.UtcDateTime,
    };
}
