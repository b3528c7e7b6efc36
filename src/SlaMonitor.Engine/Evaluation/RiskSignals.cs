namespace SlaMonitor.Engine;

/// <summary>Why a promise is at risk; several can hold at once. Kept as flags so evaluation allocates nothing.</summary>
[Flags]
public enum RiskSignals
{
    None = 0,
    ProbabilityOverThreshold = 1,
    InsideMargin = 2,
    Stalled = 4,
    EstimateAfterDeadline = 8,
}
