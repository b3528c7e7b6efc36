using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// The answer for one promise at one instant. A value type with no collections: <see cref="Reasons"/> is
/// written only when asked for, so re-evaluating allocates nothing.
/// </summary>
public readonly record struct Evaluation
{
    internal Evaluation(PromiseState promise, StageStatistics? stage, Instant now)
    {
        Promise = promise;
        StageStatistics = stage;
        EvaluatedAt = now;
    }

    public PromiseStatus Status { get; init; }

    /// <summary>The deadline, moved by pauses, at the destination site with its offset.</summary>
    public ZonedDateTime Deadline { get; init; }

    /// <summary>Deadline minus now (negative once breached; for a closed promise, deadline minus closing time).</summary>
    public Duration TimeToBreach { get; init; }

    public ZonedDateTime? PredictedCompletion { get; init; }

    public double ProbabilityLate { get; init; }

    public BlameDurations PausedTime { get; init; }

    public RiskSignals Risks { get; init; }

    /// <summary>The next instant at which the answer changes without a new event; null when only an event can change it.</summary>
    public Instant? NextWakeUp { get; init; }

    public Instant EvaluatedAt { get; }

    public PromiseState Promise { get; }

    internal StageStatistics? StageStatistics { get; }

    /// <summary>Reasons in words, written on each call (the board asks only when the status changes).</summary>
    public IReadOnlyList<string> Reasons => ReasonWriter.Write(this);
}
