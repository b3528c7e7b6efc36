using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// The instants at which an open promise's risk signals switch on, fixed until the next event: the host's wake-up
/// times and the evaluator's comparisons both come from here, so a wake-up never lands a hair before its own change.
/// </summary>
internal sealed class RiskPlan
{
    /// <summary>The shown probability is refreshed each time it gains this much, so it is never staler than that.</summary>
    public const double ProbabilityStep = 0.1;

    private RiskPlan(LaneStatistics statistics, StageEstimate stage)
    {
        Statistics = statistics;
        Stage = stage;
    }

    public LaneStatistics Statistics { get; }

    public StageEstimate Stage { get; }

    public Instant BreachAt { get; private init; }

    public Instant MarginStartsAt { get; private init; }

    /// <summary>The first instant at which the probability of finishing late reaches the policy's threshold.</summary>
    public Instant? ProbabilityCrossingAt { get; private init; }

    public Instant? StallAt { get; private init; }

    public static RiskPlan For(PromiseState promise, LaneStatistics statistics)
    {
        var stage = statistics.For(promise.Lane, promise.Stage);
        var deadline = promise.Deadline;
        var crossing = stage.ElapsedShareWhereProbabilityReaches(DeadlineShare(promise), promise.Policy.ProbabilityThreshold, 0, Resolution(promise));
        return new RiskPlan(statistics, stage)
        {
            BreachAt = SlaEvaluator.BreachInstant(deadline),
            MarginStartsAt = deadline - promise.Policy.AtRiskMargin,
            ProbabilityCrossingAt = crossing is { } share ? AtShare(promise, share) : null,
            StallAt = stage.NormalGap is { } gap ? Instant.Max(promise.LastScanAt, promise.StageEnteredAt) + gap : null,
        };
    }

    public double ProbabilityLate(PromiseState promise, Instant now) =>
        Stage.ProbabilityLate(ElapsedShare(promise, now), DeadlineShare(promise));

    /// <summary>The first instant after <paramref name="now"/> at which the probability reaches the next multiple of
    /// <see cref="ProbabilityStep"/>; null when that is 1 (only at the deadline).</summary>
    public Instant? NextProbabilityStepAt(PromiseState promise, Instant now)
    {
        var elapsed = ElapsedShare(promise, now);
        var deadline = DeadlineShare(promise);
        var next = (Math.Floor((Stage.ProbabilityLate(elapsed, deadline) / ProbabilityStep) + 1e-9) + 1) * ProbabilityStep;
        return next < 1 - 1e-9 && Stage.ElapsedShareWhereProbabilityReaches(deadline, next, elapsed, Resolution(promise)) is { } share
            ? Instant.Max(AtShare(promise, share), now + Duration.FromSeconds(1))
            : null;
    }

    /// <summary>Stage entry plus the pooled median time to fulfilment among promises that lasted this long.</summary>
    public Instant? PredictedCompletion(PromiseState promise, Instant now) =>
        Stage.ConditionalMedianShare(ElapsedShare(promise, now), Resolution(promise)) is { } share ? AtShare(promise, share) : null;

    /// <summary>A second as a share of the budget: crossings are found to the second (wake-ups and deadlines are whole
    /// seconds), never early; finer would cost more search steps on every event.</summary>
    private static double Resolution(PromiseState promise) => 1.0 / promise.Budget.TotalSeconds;

    private static double DeadlineShare(PromiseState promise) => ElapsedShare(promise, promise.Deadline);

    private static double ElapsedShare(PromiseState promise, Instant at) =>
        Deadlines.Measure(promise.StageEnteredAt, at, promise.Policy.Clock, promise.Calendar) / promise.Budget;

    private static Instant AtShare(PromiseState promise, double share)
    {
        var offset = promise.Budget * share;
        return promise.Policy.Clock == SlaClock.Elapsed
            ? promise.StageEnteredAt + offset
            : promise.Calendar.AddBusinessTime(promise.StageEnteredAt, offset);
    }
}
