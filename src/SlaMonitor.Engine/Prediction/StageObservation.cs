using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>One pass of a closed promise through a stage: how long it stayed, the time from entering it to fulfilment as a
/// share of the promise's budget, and the gaps between scans inside it (in seconds).</summary>
public sealed record StageObservation(LaneKey Lane, PromiseStage Stage, Duration StageDuration, double RemainingShare, IReadOnlyList<double> GapSeconds);
