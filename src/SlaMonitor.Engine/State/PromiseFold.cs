using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>The host's entry points for turning stored events into a promise's folded state.</summary>
public static class PromiseFold
{
    /// <summary>Folds the set of a promise's events, in any order and with duplicates, and its corrections into its state.</summary>
    /// <param name="promisedDeadline">An explicit promised instant (e.g. a delivery date quoted to the customer)
    /// that replaces the policy's target; null computes the deadline from the policy.</param>
    /// <param name="corrections">Corrections made by hand, in the order they were made.</param>
    public static PromiseState From(
        Instant openedAt,
        SlaPolicy policy,
        SiteCalendar calendar,
        LaneKey lane,
        IEnumerable<PromiseEvent> events,
        Instant? promisedDeadline = null,
        IReadOnlyList<PromiseCorrection>? corrections = null) =>
        PromiseState.Open(openedAt, policy, calendar, lane, promisedDeadline, corrections).Apply(events);

    /// <summary>Applies one event; a duplicate returns the same state instance.</summary>
    public static PromiseState Apply(PromiseState state, PromiseEvent promiseEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Apply(promiseEvent);
    }
}
