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

    public static PromiseState Fold(StoredEvent opened, IReadOnlyList<StoredEvent> events, PolicyVersion policy, Site site) =>
        PromiseFold.From(
            Instant.FromDateTimeUtc(opened.OccurredAt),
            EngineInputs.Policy(policy),
            EngineInputs.Calendar(site),
            EngineRows.Lane(events, site, policy.ServiceLevel),
            events.Select(EngineRows.Event));
}
