using NodaTime;

namespace SlaMonitor.Engine;

public static class SlaEvaluator
{
    /// <summary>Status, deadline, prediction and next wake-up of a promise at <paramref name="now"/>.</summary>
    public static Evaluation Evaluate(PromiseState promise, LaneStatistics statistics, Instant now)
    {
        ArgumentNullException.ThrowIfNull(promise);
        ArgumentNullException.ThrowIfNull(statistics);
        var zone = promise.Calendar.Zone;
        if (promise.ClosedAt is { } closedAt)
        {
            return Closed(promise, closedAt, now);
        }

        var stage = statistics.For(promise.Lane, promise.Stage);
        var deadline = promise.Deadline;
        var paused = promise.PausedTime;
        var pausing = promise.CountingOpenPause.HasValue;
        if (promise.CountingOpenPause is { } pause && now > pause.Start)
        {
            var length = Deadlines.Measure(pause.Start, now, promise.Policy.Clock, promise.Calendar);
            deadline = Deadlines.Extend(deadline, length, promise.Policy.Clock, promise.Calendar);
            paused = paused.Add(pause.Blame, length);
        }

        var breachAt = BreachInstant(deadline);
        var predicted = Predict(promise, stage, now, deadline, out var probability);
        var result = new Evaluation(promise, stage, now)
        {
            Deadline = deadline.InZone(zone),
            TimeToBreach = deadline - now,
            PausedTime = paused,
            ProbabilityLate = probability,
            PredictedCompletion = predicted?.InZone(zone),
        };

        if (pausing)
        {
            return result with { Status = PromiseStatus.Paused };
        }

        if (now >= breachAt)
        {
            return result with { Status = PromiseStatus.Breached, ProbabilityLate = 1.0 };
        }

        var risks = Risks(promise, stage, now, deadline, probability, out var nextWakeUp);
        nextWakeUp = Earliest(nextWakeUp, breachAt);
        return result with
        {
            Status = risks == RiskSignals.None ? PromiseStatus.OnTrack : PromiseStatus.AtRisk,
            Risks = risks,
            NextWakeUp = nextWakeUp,
        };
    }

    /// <summary>The first instant counted as late: the deadline's second is still on time.</summary>
    public static Instant BreachInstant(Instant deadline) => Instant.FromUnixTimeSeconds(deadline.ToUnixTimeSeconds() + 1);

    private static Evaluation Closed(PromiseState promise, Instant closedAt, Instant now)
    {
        var status = promise.IsCancelled ? PromiseStatus.Cancelled : promise.IsMet ? PromiseStatus.Met : PromiseStatus.Missed;
        return new Evaluation(promise, null, now)
        {
            Status = status,
            Deadline = promise.Deadline.InZone(promise.Calendar.Zone),
            TimeToBreach = promise.Deadline - closedAt,
            PredictedCompletion = closedAt.InZone(promise.Calendar.Zone),
            ProbabilityLate = status == PromiseStatus.Missed ? 1.0 : 0.0,
            PausedTime = promise.PausedTime,
        };
    }

    private static Instant? Predict(PromiseState promise, StageStatistics? stage, Instant now, Instant deadline, out double probability)
    {
        probability = 0;
        if (stage is null || stage.Count == 0)
        {
            return null;
        }

        var elapsed = (now - promise.StageEnteredAt).TotalSeconds;
        probability = stage.ProbabilityLate(elapsed, (deadline - promise.StageEnteredAt).TotalSeconds);
        var median = stage.ConditionalMedianRemaining(elapsed);
        return median is { } seconds ? promise.StageEnteredAt + Duration.FromSeconds(seconds) : now;
    }

    private static RiskSignals Risks(PromiseState promise, StageStatistics? stage, Instant now, Instant deadline, double probability, out Instant? nextWakeUp)
    {
        var policy = promise.Policy;
        var risks = RiskSignals.None;
        nextWakeUp = null;

        var marginStart = deadline - policy.AtRiskMargin;
        if (now >= marginStart)
        {
            risks |= RiskSignals.InsideMargin;
        }
        else
        {
            nextWakeUp = marginStart;
        }

        if (probability >= policy.ProbabilityThreshold)
        {
            risks |= RiskSignals.ProbabilityOverThreshold;
        }
        else if (stage?.ElapsedWhereProbabilityReaches((deadline - promise.StageEnteredAt).TotalSeconds, policy.ProbabilityThreshold) is { } crossing)
        {
            var at = promise.StageEnteredAt + Duration.FromSeconds(crossing);
            nextWakeUp = Earliest(nextWakeUp, at > now ? at : now + Duration.Epsilon);
        }

        if (stage?.NormalGap is { } normalGap)
        {
            var stallAt = Instant.Max(promise.LastScanAt, promise.StageEnteredAt) + normalGap;
            if (now >= stallAt)
            {
                risks |= RiskSignals.Stalled;
            }
            else
            {
                nextWakeUp = Earliest(nextWakeUp, stallAt);
            }
        }

        if (promise.EstimatedArrival is { } estimate && estimate > deadline)
        {
            risks |= RiskSignals.EstimateAfterDeadline;
        }

        return risks;
    }

    private static Instant? Earliest(Instant? a, Instant b) => a is { } x && x < b ? x : b;
}
