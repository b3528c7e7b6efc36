using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// Empirical distributions for one stage of one lane. The time from entering the stage to fulfilment is kept as a
/// share of each promise's budget (opening to unpaused deadline, on the policy's clock), so promises with different
/// targets share one distribution; the stage's own duration and the gaps between scans are kept in seconds.
/// </summary>
public sealed class StageStatistics
{
    /// <summary>A silence longer than this share of the observed gaps between scans is a stall.</summary>
    public const double StallQuantile = 0.95;

    /// <summary>Fewer gaps than this and the lane has no stall threshold for the stage.</summary>
    public const int StallMinimumSamples = 20;

    // The survival estimate counts the samples above x plus half a sample, over n + 1: never exactly 0 or 1, so a
    // promise that outlasts every observation is "as late as the latest one seen", not a division by zero.
    private const double Smoothing = 0.5;

    private readonly double[] _remainingShares;

    public StageStatistics(IEnumerable<double> remainingShares, IEnumerable<double> durationSeconds, IEnumerable<double> gapSeconds)
    {
        ArgumentNullException.ThrowIfNull(remainingShares);
        ArgumentNullException.ThrowIfNull(durationSeconds);
        ArgumentNullException.ThrowIfNull(gapSeconds);
        _remainingShares = [.. remainingShares.Order()];
        double[] durations = [.. durationSeconds.Order()];
        double[] gaps = [.. gapSeconds.Order()];
        MedianDuration = durations.Length == 0 ? null : Duration.FromSeconds(durations[durations.Length / 2]);
        NormalGap = gaps.Length < StallMinimumSamples ? null : Duration.FromSeconds(gaps[(int)(gaps.Length * StallQuantile)]);
    }

    /// <summary>Closed promises that passed through this stage.</summary>
    public int Count => _remainingShares.Length;

    public Duration? MedianDuration { get; }

    /// <summary>The longest usual silence between scans in this stage; longer is a stall. Null when too few gaps were seen.</summary>
    public Duration? NormalGap { get; }

    /// <summary>P(T &gt; budget | T &gt; elapsed), T = time from entering the stage to fulfilment, all as budget shares.</summary>
    public double ProbabilityLate(double elapsedShare, double deadlineShare)
    {
        if (deadlineShare <= elapsedShare || Count == 0)
        {
            return deadlineShare <= elapsedShare ? 1.0 : 0.0;
        }

        return Survivors(deadlineShare) / Survivors(elapsedShare);
    }

    /// <summary>Median of T given T &gt; elapsed (a budget share from stage entry); null when no observation lasted that long.</summary>
    public double? ConditionalMedianShare(double elapsedShare)
    {
        var firstAbove = UpperBound(elapsedShare);
        return firstAbove >= Count ? null : _remainingShares[(firstAbove + Count - 1) / 2];
    }

    /// <summary>
    /// The elapsed share at which <see cref="ProbabilityLate"/> first reaches <paramref name="threshold"/> for a fixed
    /// deadline share; the probability only grows with elapsed time. Null when it does not before the deadline.
    /// </summary>
    public double? ElapsedShareWhereProbabilityReaches(double deadlineShare, double threshold)
    {
        if (Count == 0)
        {
            return null;
        }

        // (above(e) + s) / (above(B) + s) >= 1 / threshold  <=>  above(e) <= (above(B) + s) / threshold - s.
        var limit = (int)Math.Floor(((Count - UpperBound(deadlineShare) + Smoothing) / threshold) - Smoothing + 1e-9);
        if (limit >= Count)
        {
            return 0;
        }

        var at = _remainingShares[Count - 1 - limit];
        return at < deadlineShare ? at : null;
    }

    private double Survivors(double share) => (Count - UpperBound(share) + Smoothing) / (Count + 1);

    /// <summary>Index of the first sample strictly greater than <paramref name="share"/>.</summary>
    private int UpperBound(double share)
    {
        int low = 0, high = _remainingShares.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_remainingShares[mid] <= share)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
