using NodaTime;

namespace SlaMonitor.Engine;

internal readonly record struct FoldFacts(
    PromiseStage Stage,
    Instant StageEnteredAt,
    Instant LastScanAt,
    Instant? ClosedAt,
    bool IsCancelled,
    Instant? EstimatedArrival,
    string? HoldLocation,
    PauseSegment[] Pauses);
