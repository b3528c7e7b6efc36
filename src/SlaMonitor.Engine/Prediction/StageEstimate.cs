using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// The pooled belief about one lane and stage: each level's empirical distribution shrunk toward its parent with the
/// parent's pseudo-count, S(x) = (n·Ŝ(x) + k·S_parent(x)) / (n + k), down to the default prior. Expanded, S is a
/// weighted sum of the levels' empirical survivals and the prior's, so a few samples move it a little and many a lot.
/// </summary>
public sealed class StageEstimate
{
    /// <summary>A stage's median duration is quoted only from a level with at least this many promises.</summary>
    public const int MedianDurationMinimumSamples = 20;

    private const int SearchSteps = 80;

    private readonly StageStatistics[] _levels;
    private readonly double[] _weights;
    private readonly StagePrior _prior;
    private readonly double _priorWeight;

    internal StageEstimate(PromiseStage stage, IReadOnlyList<(LaneKey Level, StageStatistics? Statistics, double PseudoCount)> chain)
    {
        _prior = StagePrior.For(stage);
        var levels = new List<StageStatistics>();
        var weights = new List<double>();
        var remaining = 1.0;
        var best = (Weight: 0.0, Source: EstimateSource.DefaultPrior);
        foreach (var (level, statistics, k) in chain)
        {
            // A level with no more promises than the finer one holds the same promises: counting them again would
            // let 3 samples weigh like 15.
            if (statistics is not { Count: > 0 } seen || seen.Count <= (levels.Count == 0 ? 0 : levels[^1].Count))
            {
                continue;
            }

            var weight = remaining * seen.EffectiveCount / (seen.EffectiveCount + k);
            levels.Add(seen);
            weights.Add(weight);
            best = weight > best.Weight ? (weight, new EstimateSource(level, seen.Count)) : best;
            remaining *= k / (seen.EffectiveCount + k);
            NormalGap ??= seen.NormalGap;
            NormalGapLevel ??= seen.NormalGap is null ? null : level;
            MedianDurationLevel ??= seen.Count >= MedianDurationMinimumSamples ? level : null;
            MedianDuration ??= seen.Count >= MedianDurationMinimumSamples ? seen.MedianDuration : null;
        }

        _levels = [.. levels];
        _weights = [.. weights];
        _priorWeight = remaining;
        Source = remaining >= best.Weight ? EstimateSource.DefaultPrior : best.Source;
    }

    /// <summary>The level that weighs most in the estimate.</summary>
    public EstimateSource Source { get; }

    /// <summary>The finest level's normal gap between scans among the levels with enough gaps; null when none has.</summary>
    public Duration? NormalGap { get; }

    public LaneKey? NormalGapLevel { get; }

    public Duration? MedianDuration { get; }

    public LaneKey? MedianDurationLevel { get; }

    /// <summary>P(T &gt; share), pooled.</summary>
    public double Survival(double share)
    {
        var survival = _priorWeight * _prior.Survival(share);
        for (var i = 0; i < _levels.Length; i++)
        {
            survival += _weights[i] * _levels[i].Survival(share);
        }

        return survival;
    }

    /// <summary>P(T &gt; deadline | T &gt; elapsed), all as budget shares from stage entry.</summary>
    public double ProbabilityLate(double elapsedShare, double deadlineShare)
    {
        if (deadlineShare <= elapsedShare)
        {
            return 1.0;
        }

        var alive = Survival(elapsedShare);
        return alive <= 0 ? 1.0 : Math.Min(1.0, Survival(deadlineShare) / alive);
    }

    /// <summary>
    /// The elapsed share at which <see cref="ProbabilityLate"/> first reaches <paramref name="threshold"/> for a fixed
    /// deadline share (it only grows with elapsed time, as S falls); null when only at the deadline itself.
    /// </summary>
    /// <param name="fromShare">Where to start looking (the probability there is below the threshold, or the answer is this share).</param>
    /// <param name="resolution">How close to the true crossing the answer must be (a share; the answer is never early).</param>
    public double? ElapsedShareWhereProbabilityReaches(double deadlineShare, double threshold, double fromShare = 0, double resolution = 0)
    {
        var target = Survival(deadlineShare) / threshold;
        if (Survival(fromShare) <= target)
        {
            return fromShare;
        }

        var found = FirstShareAtOrBelow(target, fromShare, deadlineShare, resolution);
        return found < deadlineShare ? found : null;
    }

    /// <summary>Median of T given T &gt; elapsed; null when it lies beyond a thousand budgets.</summary>
    public double? ConditionalMedianShare(double elapsedShare, double resolution = 0)
    {
        var target = Survival(elapsedShare) / 2;
        var high = Math.Max(elapsedShare, 1.0);
        while (Survival(high) > target)
        {
            high *= 2;
            if (high > 1000)
            {
                return null;
            }
        }

        return FirstShareAtOrBelow(target, elapsedShare, high, resolution);
    }

    /// <summary>The smallest share in (low, high] with S ≤ target, within <paramref name="resolution"/> (0: down to
    /// neighbouring doubles), given S(high) ≤ target; S is non-increasing. The answer is never before the true one.</summary>
    private double FirstShareAtOrBelow(double target, double low, double high, double resolution)
    {
        for (var i = 0; i < SearchSteps && high - low > resolution; i++)
        {
            var mid = low + ((high - low) / 2);
            if (mid <= low || mid >= high)
            {
                break;
            }

            if (Survival(mid) <= target)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }
}
