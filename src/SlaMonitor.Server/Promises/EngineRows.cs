using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

/// <summary>Between stored rows and the engine: events and lanes in, statuses and stages out as they are stored.</summary>
public static class EngineRows
{
    public static PromiseEvent Event(StoredEvent stored) => new(
        stored.CarrierCode,
        stored.EventId,
        EventCodes.KindOf(stored.Kind),
        stored.Code,
        Instant.FromDateTimeUtc(stored.OccurredAt),
        stored.Reason,
        stored.LocationCode,
        stored.EstimatedArrival is { } eta ? Instant.FromDateTimeUtc(eta) : null,
        stored.ShipmentRef);

    /// <summary>
    /// The lane: the carrier moving the part (else whoever opened the ticket), where the first shipment
    /// event happened (its country), the destination site's region, and the service level.
    /// </summary>
    public static LaneKey Lane(IReadOnlyList<StoredEvent> events, Site site, string serviceLevel)
    {
        var moving = events.FirstOrDefault(e => e.Kind == EventCodes.Shipment);
        return new LaneKey(CarrierOf(events), moving?.CountryCode ?? LaneKey.Any, site.Region, serviceLevel);
    }

    /// <summary>
    /// The carrier a promise belongs to (its lane's, its attainment's and its scorecard's): the sender of its latest
    /// shipment event, so a customs broker's events never take the promise from the carrier moving the part; without
    /// shipment events, the latest customs sender, else whoever sent the latest event.
    /// </summary>
    public static string CarrierOf(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return (events.LastOrDefault(e => e.Kind == EventCodes.Shipment) ?? events.LastOrDefault(e => e.Kind != EventCodes.Repair) ?? events[^1]).CarrierCode;
    }

    public static string Status(PromiseStatus status) => status switch
    {
        PromiseStatus.OnTrack => PromiseStatuses.OnTrack,
        PromiseStatus.AtRisk => PromiseStatuses.AtRisk,
        PromiseStatus.Breached => PromiseStatuses.Breached,
        PromiseStatus.Paused => PromiseStatuses.Paused,
        PromiseStatus.Met => PromiseStatuses.Met,
        PromiseStatus.Missed => PromiseStatuses.Missed,
        _ => PromiseStatuses.Cancelled,
    };

    public static string Stage(PromiseStage stage) => stage switch
    {
        PromiseStage.AwaitingPickup => "AWAITING_PICKUP",
        PromiseStage.InTransit => "IN_TRANSIT",
        PromiseStage.CustomsHold => "CUSTOMS_HOLD",
        PromiseStage.OutForDelivery => "OUT_FOR_DELIVERY",
        PromiseStage.AwaitingTechnician => "AWAITING_TECHNICIAN",
        _ => "TECHNICIAN_ONSITE",
    };
}
