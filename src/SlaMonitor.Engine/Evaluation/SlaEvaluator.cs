using NodaTime;

namespace SlaMonitor.Engine;

public static class SlaEvaluator
{
    /// <summary>Status, deadline, risk and next change of a promise at <paramref name="now"/>.</summary>
    /// <param name="statistics">Lane statistics from closed promises; <see cref="LaneStatistics.Empty"/> predicts nothing.</param>
    public static Evaluation Evaluate(PromiseState state, Instant now, LaneStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(statistics);
        if (state.ClosedAt is { } closedAt)
        {
            return Closed(state, closedAt, now);
        }

        if (state.CountingOpenPause is { } pause)
        {
            return Paused(state, pause, now);
        }

        var plan = state.PlanFor(statistics);
        var result = new Evaluation(state, now, plan)
        {
            Deadline = state.Deadline.InZone(state.Calendar.Zone),
            TimeToBreach = state.Deadline - now,
            PausedTime = state.PausedTime,
        };

        if (now >= plan.BreachAt)
        {
            return result with { Status = PromiseStatus.Breached };
        }

        var risks = RiskSignals.None;
        var next = plan.BreachAt;
        risks |= Check(plan.MarginStartsAt, RiskSignals.InsideMargin, now, ref next);
        risks |= Check(plan.ProbabilityCrossingAt, RiskSignals.ProbabilityOverThreshold, now, ref next);
        risks |= Check(plan.StallAt, RiskSignals.Stalled, now, ref next);
        if (state.EstimatedArrival is { } estimate && estimate > state.Deadline)
        {
            risks |= RiskSignals.EstimateAfterDeadline;
        }

        return result with
        {
            Status = risks == RiskSignals.None ? PromiseStatus.OnTrack : PromiseStatus.AtRisk,
            Risks = risks,
            NextChangeAt = next,
        };
    }

    /// <summary>The first instant counted as late: the deadline's own second is still on time.</summary>
    public static Instant BreachInstant(Instant deadline) => Instant.FromUnixTimeSeconds(deadline.ToUnixTimeSeconds() + 1);

    private static RiskSignals Check(Instant? startsAt, RiskSignals signal, Instant now, ref Instant next)
    {
        if (startsAt is not { } at)
        {
            return RiskSignals.None;
        }

        if (now >= at)
        {
            return signal;
        }

        next = at < next ? at : next;
        return RiskSignals.None;
    }

    private static Evaluation Paused(PromiseState state, PauseSegment pause, Instant now)
    {
        var policy = state.Policy;
        var length = now > pause.Start ? Deadlines.Measure(pause.Start, now, policy.Clock, state.Calendar) : Duration.Zero;
        var deadline = Deadlines.Extend(state.Deadline, length, policy.Clock, state.Calendar);
        return new Evaluation(state, now, null)
        {
            Status = PromiseStatus.Paused,
            Deadline = deadline.InZone(state.Calendar.Zone),
            TimeToBreach = deadline - now,
            PausedTime = state.PausedTime.Add(pause.Blame, length),
        };
    }

    private static Evaluation Closed(PromiseState state, Instant closedAt, Instant now) => new(state, now, null)
    {
        Status = state.IsCancelled ? PromiseStatus.Cancelled : state.IsMet ? PromiseStatus.Met : PromiseStatus.Missed,
        Deadline = state.Deadline.InZone(state.Calendar.Zone),
        TimeToBreach = state.Deadline - closedAt,
        PausedTime = state.PausedTime,
    };
}
