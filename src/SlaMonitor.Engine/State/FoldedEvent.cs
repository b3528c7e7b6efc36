using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>The compact form of an applied event kept in the folded state (40 bytes).</summary>
internal readonly record struct FoldedEvent(
    long OccurredAtTicks,
    ulong Identity,
    long EstimatedArrivalTicks,
    string? LocationCode,
    Signal Signal,
    BlameCategory Blame,
    bool IsScan)
{
    public const long NoEstimate = long.MinValue;

    public Instant OccurredAt => Instant.FromUnixTimeTicks(OccurredAtTicks);

    public static FoldedEvent From(PromiseEvent e) => new(
        e.OccurredAt.ToUnixTimeTicks(),
        EventIdentity.Of(e.CarrierCode, e.EventId),
        e.EstimatedArrival?.ToUnixTimeTicks() ?? NoEstimate,
        e.LocationCode,
        Signals.From(e.Kind, e.Code),
        BlameCategories.FromReason(e.Reason),
        e.Kind != EventKind.Repair);

    /// <summary>occurredAt order, ties broken by identity so every arrival order sorts alike.</summary>
    public static int Compare(FoldedEvent a, FoldedEvent b)
    {
        var byTime = a.OccurredAtTicks.CompareTo(b.OccurredAtTicks);
        return byTime != 0 ? byTime : a.Identity.CompareTo(b.Identity);
    }
}
