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

    /// <summary>The instants at which the probability reaches 0.1, 0.2, … 0.9, in order.</summary>
    private Instant[] ProbabilitySteps { get; init; } = [];

    public static RiskPlan For(PromiseState promise, LaneStatistics statistics)
    {
        var stage = statistics.For(promise.Lane, promise.Stage);
        var deadline = promise.Deadline;
        var deadlineShare = DeadlineShare(promise);
        var crossing = stage.ElapsedShareWhereProbabilityReaches(deadlineShare, promise.Policy.ProbabilityThreshold);
        var steps = new List<Instant>();
        for (var i = 1; i * ProbabilityStep < 1 - 1e-9; i++)
        {
            if (stage.ElapsedShareWhereProbabilityReaches(deadlineShare, i * ProbabilityStep) is { } stepShare)
            {
                steps.Add(AtShare(promise, stepShare));
            }
        }

        return new RiskPlan(statistics, stage)
        {
            BreachAt = SlaEvaluator.BreachInstant(deadline),
            MarginStartsAt = deadline - promise.Policy.AtRiskMargin,
            ProbabilityCrossingAt = crossing is { } share ? AtShare(promise, share) : null,
            StallAt = stage.NormalGap is { } gap ? Instant.Max(promise.LastScanAt, promise.StageEnteredAt) + gap : null,
            ProbabilitySteps = [.. steps],
        };
    }

    public double ProbabilityLate(PromiseState promise, Instant now) =>
        Stage.ProbabilityLate(ElapsedShare(promise, now), DeadlineShare(promise));

    /// <summary>The next instant after <paramref name="now"/> at which the probability gains a step; null when none is left.</summary>
    public Instant? NextProbabilityStepAt(Instant now)
    {
        foreach (var at in ProbabilitySteps)
        {
            if (at > now)
            {
                return at;
            }
        }

        return null;
    }

    /// <summary>Stage entry plus the pooled median time to fulfilment among promises that lasted this long.</summary>
    public Instant? PredictedCompletion(PromiseState promise, Instant now) =>
        Stage.ConditionalMedianShare(ElapsedShare(promise, now)) is { } share ? AtShare(promise, share) : null;

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
