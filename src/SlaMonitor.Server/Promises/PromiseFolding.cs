using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Definitions;

namespace SlaMonitor.Server.Promises;

public static class PromiseFolding
{
    /// <summary>The ticket's OPENED event: the earliest in timeline order, so a resent OPENED changes nothing.</summary>
    public static StoredEvent? Opened(IReadOnlyList<StoredEvent> sortedEvents) =>
        sortedEvents.FirstOrDefault(e => e.Kind == EventCodes.Repair && e.Code == EventCodes.Opened);

    /// <summary>Folds the events and the corrections made by hand; voided events take no part in the lane either.</summary>
    public static PromiseState Fold(
        StoredEvent opened, IReadOnlyList<StoredEvent> events, PolicyVersion policy, Site site, IReadOnlyList<StoredCorrection>? corrections = null) =>
        PromiseFold.From(
            Instant.FromDateTimeUtc(opened.OccurredAt),
            EngineInputs.Policy(policy),
            EngineInputs.Calendar(site),
            EngineRows.Lane(Applied(events, corrections), site, policy.ServiceLevel),
            events.Select(EngineRows.Event),
            opened.OpenedPromisedBy is { } promisedBy ? Instant.FromDateTimeUtc(promisedBy) : null,
            corrections: corrections?.Select(PromiseCorrections.ToEngine).ToList());

    /// <summary>The events not voided (the OPENED event cannot be voided, so there is always one).</summary>
    public static IReadOnlyList<StoredEvent> Applied(IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredCorrection>? corrections) =>
        corrections is not { Count: > 0 } ? events : events.Where(e => !PromiseCorrections.Voids(corrections, e)).ToList();
}
