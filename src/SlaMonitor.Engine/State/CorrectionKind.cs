namespace SlaMonitor.Engine;

/// <summary>What a person changed by hand on a promise (see <see cref="PromiseCorrection"/>).</summary>
public enum CorrectionKind
{
    /// <summary>One event is not applied any more (it stays in the timeline, marked void).</summary>
    VoidEvent,

    /// <summary>The promise is closed as fulfilled at a given instant, judged MET or MISSED against its deadline.</summary>
    Close,

    /// <summary>Every closing known when the reopen was made (events and earlier hand closes) stops counting.</summary>
    Reopen,

    /// <summary>A new target deadline replaces the policy's (or the promised) one; pauses still move it.</summary>
    MoveDeadline,
}
