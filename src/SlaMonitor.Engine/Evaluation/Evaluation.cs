using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// The answer for one promise at one instant. A value type holding no collections: the probability, the predicted
/// completion and the reasons are worked out only when read, so re-evaluating allocates nothing.
/// </summary>
public readonly record struct Evaluation
{
    private readonly RiskPlan? _plan;

    internal Evaluation(PromiseState promise, Instant now, RiskPlan? plan)
    {
        Promise = promise;
        EvaluatedAt = now;
        _plan = plan;
    }

    public PromiseStatus Status { get; init; }

    /// <summary>The deadline, moved by pauses (an open pause as if it ended now), at the destination site with its offset.</summary>
    public ZonedDateTime Deadline { get; init; }

    /// <summary>Deadline minus now: negative once breached; for a closed promise, deadline minus fulfilment.</summary>
    public Duration TimeToBreach { get; init; }

    public BlameDurations PausedTime { get; init; }

    public RiskSignals Risks { get; init; }

    /// <summary>The next instant at which status or risk signals change without a new event; null when only an event can change them.</summary>
    public Instant? NextChangeAt { get; init; }

    /// <summary>When the stored evaluation should be refreshed: the next change, or, while on track, earlier when the
    /// probability gains a step (<see cref="RiskPlan.ProbabilityStep"/>), so the probability shown before a warning is
    /// never far behind. Once at risk the escalation follows the promise, and a refresh per step would touch it each time.</summary>
    public Instant? NextRefreshAt => Status is PromiseStatus.OnTrack && _plan?.NextProbabilityStepAt(Promise, EvaluatedAt) is { } step
        && (NextChangeAt is not { } change || step < change)
        ? step
        : NextChangeAt;

    public Instant EvaluatedAt { get; }

    public PromiseState Promise { get; }

    /// <summary>P(fulfilment after the deadline) from the lane's history pooled with its parents and the default prior,
    /// given the time already spent in the current stage; 0 while paused or when met, 1 once breached or missed.</summary>
    public double ProbabilityLate => Status switch
    {
        PromiseStatus.Breached or PromiseStatus.Missed => 1.0,
        PromiseStatus.OnTrack or PromiseStatus.AtRisk when _plan is not null => _plan.ProbabilityLate(Promise, EvaluatedAt),
        _ => 0.0,
    };

    /// <summary>The fulfilment instant for a closed promise; otherwise the lane's conditional median, null when unknown.</summary>
    public ZonedDateTime? PredictedCompletion => (Promise?.ClosedAt, _plan) switch
    {
        ({ } closedAt, _) => closedAt.InZone(Promise!.Calendar.Zone),
        (null, { } plan) when Status is PromiseStatus.OnTrack or PromiseStatus.AtRisk or PromiseStatus.Breached =>
            plan.PredictedCompletion(Promise!, EvaluatedAt)?.InZone(Promise!.Calendar.Zone),
        _ => null,
    };

    /// <summary>Where the probability and predicted completion come from; null when they are not estimated.</summary>
    public EstimateSource? EstimateSource => Status is PromiseStatus.OnTrack or PromiseStatus.AtRisk or PromiseStatus.Breached
        ? _plan?.Stage.Source
        : null;

    internal StageEstimate? Stage => _plan?.Stage;

    /// <summary>Reasons in words, written on each read (the host asks when the status changes).</summary>
    public IReadOnlyList<string> Reasons => ReasonWriter.Write(this);
}
