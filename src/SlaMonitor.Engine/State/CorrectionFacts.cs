using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// What a promise's corrections amount to, in the order they were made: the voided event identities, the latest
/// moved deadline, and the hand close or reopen that came last (a reopen cancels earlier hand closes and every
/// closing event dated at or before it; a later close closes again).
/// </summary>
internal sealed class CorrectionFacts
{
    public static readonly CorrectionFacts None = new([], null, null, null);

    private CorrectionFacts(HashSet<ulong> voided, Instant? movedDeadline, Instant? closedAt, Instant? reopenedAt)
    {
        Voided = voided;
        MovedDeadline = movedDeadline;
        ClosedAt = closedAt;
        ReopenedAt = reopenedAt;
    }

    public HashSet<ulong> Voided { get; }

    public Instant? MovedDeadline { get; }

    /// <summary>The hand close still in force.</summary>
    public Instant? ClosedAt { get; }

    /// <summary>Closing events at or before this instant do not close the promise.</summary>
    public Instant? ReopenedAt { get; }

    public static CorrectionFacts Of(IReadOnlyList<PromiseCorrection>? corrections)
    {
        if (corrections is not { Count: > 0 })
        {
            return None;
        }

        var voided = new HashSet<ulong>();
        Instant? moved = null, closedAt = null, reopenedAt = null;
        foreach (var c in corrections)
        {
            switch (c.Kind)
            {
                case CorrectionKind.VoidEvent when c.CarrierCode is not null && c.EventId is not null:
                    voided.Add(EventIdentity.Of(c.CarrierCode, c.EventId));
                    break;
                case CorrectionKind.MoveDeadline when c.At is { } deadline:
                    moved = deadline;
                    break;
                case CorrectionKind.Close when c.At is { } at:
                    closedAt = at;
                    break;
                case CorrectionKind.Reopen:
                    closedAt = null;
                    reopenedAt = reopenedAt is { } earlier ? Instant.Max(earlier, c.MadeAt) : c.MadeAt;
                    break;
            }
        }

        return new CorrectionFacts(voided, moved, closedAt, reopenedAt);
    }
}
