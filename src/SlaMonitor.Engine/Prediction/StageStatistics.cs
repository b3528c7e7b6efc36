using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// What one lane level has seen of one stage. The time from entering the stage to fulfilment is kept as a share of
/// each promise's budget (opening to unpaused deadline, on the policy's clock), so promises with different targets
/// share one distribution; the stage's own duration and the gaps between scans are kept in seconds.
/// </summary>
public sealed class StageStatistics
{
    /// <summary>A silence longer than this share of the observed gaps between scans is a stall.</summary>
    public const double StallQuantile = 0.95;

    /// <summary>A level judges stalls only with gaps from at least this many promises (gaps of one promise share its
    /// carrier's scan rhythm, so they count once each) …</summary>
    public const int StallMinimumPromises = 30;

    /// <summary>… and at least this many gaps in all: the 95th percentile of fewer is little more than the maximum.</summary>
    public const int StallMinimumGaps = 100;

    private readonly ShareSurvival _shares;

    /// <param name="remainingShares">Per promise, the budget share from entering the stage to fulfilment (weighted;
    /// censored for promises still open).</param>
    public StageStatistics(IEnumerable<ShareSample> remainingShares, IEnumerable<double> durationSeconds, IEnumerable<double> gapSeconds, int promisesWithGaps)
    {
        ArgumentNullException.ThrowIfNull(remainingShares);
        ArgumentNullException.ThrowIfNull(durationSeconds);
        ArgumentNullException.ThrowIfNull(gapSeconds);
        _shares = new ShareSurvival(remainingShares);
        double[] durations = [.. durationSeconds.Order()];
        double[] gaps = [.. gapSeconds.Order()];
        MedianDuration = durations.Length == 0 ? null : Duration.FromSeconds(durations[durations.Length / 2]);
        var enough = gaps.Length >= StallMinimumGaps && promisesWithGaps >= StallMinimumPromises;
        NormalGap = enough ? Duration.FromSeconds(gaps[(int)(gaps.Length * StallQuantile)]) : null;
    }

    /// <summary>Promises that passed through this stage (closed ones, and open ones still in it or past it when
    /// open promises are counted as censored samples).</summary>
    public int Count => _shares.Count;

    /// <summary>Their total weight: <see cref="Count"/> when every promise counts fully, less with recency weighting.
    /// It is the sample size the pooling weighs the level by.</summary>
    public double EffectiveCount => _shares.Weight;

    public Duration? MedianDuration { get; }

    /// <summary>The longest usual silence between scans in this stage; longer is a stall. Null when too few gaps were seen.</summary>
    public Duration? NormalGap { get; }

    /// <summary>The median budget share from stage entry to fulfilment; 0 with no samples.</summary>
    public double MedianShare => _shares.Median;

    /// <summary>P(T &gt; share): the weighted share of samples above it (Kaplan–Meier with censored samples); 0 with no samples.</summary>
    public double Survival(double share) => _shares.Survival(share);
}
