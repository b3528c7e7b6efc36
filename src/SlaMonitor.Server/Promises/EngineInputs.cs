using NodaTime;
using NodaTime.Text;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Api;
using SlaMonitor.Server.Webhooks;

namespace SlaMonitor.Server.Promises;

/// <summary>Turns stored (already validated) rows into the engine's types.</summary>
public static class EngineInputs
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    public static SiteCalendar Calendar(Site site)
    {
        var body = AdminJson.Deserialize<CalendarBody>(site.CalendarJson);
        var zone = DateTimeZoneProviders.Tzdb[site.TimeZone];
        if (body.AlwaysOpen)
        {
            return SiteCalendar.AlwaysOpen(zone);
        }

        var hours = body.Hours ?? [new HoursBody { Opens = body.Opens, Closes = body.Closes }];
        return new SiteCalendar(
            zone,
            body.WorkingDays!.Select(SiteValidation.ParseDay),
            hours.Select(h => WorkingInterval.Parse(h.Opens!, h.Closes!)),
            (body.Holidays ?? []).Select(h => Date.Parse(h).Value));
    }

    public static SlaPolicy Policy(PolicyVersion version)
    {
        var body = AdminJson.Deserialize<PolicyBody>(version.DefinitionJson);
        var target = PolicyValidation.ReadCutoff(body.Target!.Value) is { } cutoff
            ? SlaTarget.NextBusinessDayBy(Time(cutoff.NextBusinessDayBy!), Time(cutoff.Cutoff!), cutoff.Days ?? 1)
            : SlaTarget.Within(body.Target.Value.GetString()!);
        return new SlaPolicy(
            version.ServiceLevel,
            version.Version,
            body.Clock == "business" ? SlaClock.Business : SlaClock.Elapsed,
            target,
            body.FulfilledBy!,
            PauseOn(body.PauseOn),
            body.AtRiskMargin is { } margin ? PeriodPattern.NormalizingIso.Parse(margin).Value.ToDuration() : Duration.Zero,
            body.ProbabilityThreshold ?? SlaPolicy.DefaultProbabilityThreshold,
            body.Escalation?.Select(s => new EscalationStep(s.Level!.Value, s.Notify!, PeriodPattern.NormalizingIso.Parse(s.After!).Value.ToDuration())).ToList());
    }

    public static PromiseEvent Event(StoredEvent stored) => new(
        stored.CarrierCode,
        stored.EventId,
        stored.Kind switch
        {
            EventCodes.Customs => EventKind.Customs,
            EventCodes.Repair => EventKind.Repair,
            _ => EventKind.Shipment,
        },
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
        var carrier = events.LastOrDefault(e => e.Kind != EventCodes.Repair)?.CarrierCode ?? events[0].CarrierCode;
        return new LaneKey(carrier, moving?.CountryCode ?? LaneKey.Any, site.Region, serviceLevel);
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

    private static PauseKinds PauseOn(IReadOnlyList<string>? kinds) =>
        (kinds ?? []).Aggregate(PauseKinds.None, (all, kind) => all | (kind == "CUSTOMS_HOLD" ? PauseKinds.CustomsHold : PauseKinds.CustomerHold));

    private static LocalTime Time(string text) => text == "24:00" ? LocalTime.Midnight : LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text).Value;
}
