using NodaTime;

namespace SlaMonitor.Server.Promises;

/// <summary>What the projector stores for a promise at an instant.</summary>
public sealed record Evaluation(
    string Status,
    Instant Deadline,
    Instant? ClosedAt,
    Instant? NextEvaluationAt,
    Instant? PredictedCompletion,
    double? ProbabilityLate,
    Duration Paused,
    IReadOnlyList<string> Reasons);
