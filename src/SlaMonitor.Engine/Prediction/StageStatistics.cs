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

    private readonly double[] _remainingShares;

    public StageStatistics(IEnumerable<double> remainingShares, IEnumerable<double> durationSeconds, IEnumerable<double> gapSeconds, int promisesWithGaps)
    {
        ArgumentNullException.ThrowIfNull(remainingShares);
        ArgumentNullException.ThrowIfNull(durationSeconds);
        ArgumentNullException.ThrowIfNull(gapSeconds);
        _remainingShares = [.. remainingShares.Order()];
        double[] durations = [.. durationSeconds.Order()];
        double[] gaps = [.. gapSeconds.Order()];
        MedianDuration = durations.Length == 0 ? null : Duration.FromSeconds(durations[durations.Length / 2]);
        var enough = gaps.Length >= StallMinimumGaps && promisesWithGaps >= StallMinimumPromises;
        NormalGap = enough ? Duration.FromSeconds(gaps[(int)(gaps.Length * StallQuantile)]) : null;
    }

    /// <summary>Closed promises that passed through this stage.</summary>
    public int Count => _remainingShares.Length;

    public Duration? MedianDuration { get; }

    /// <summary>The longest usual silence between scans in this stage; longer is a stall. Null when too few gaps were seen.</summary>
    public Duration? NormalGap { get; }

    /// <summary>The median budget share from stage entry to fulfilment; 0 with no samples.</summary>
    public double MedianShare => Count == 0 ? 0 : _remainingShares[Count / 2];

    /// <summary>The largest share seen; 0 with no samples.</summary>
    public double MaxShare => Count == 0 ? 0 : _remainingShares[^1];

    /// <summary>The share of samples strictly above <paramref name="share"/> (the empirical survival); 0 with no samples.</summary>
    public double Survival(double share) => Count == 0 ? 0 : (double)(Count - UpperBound(share)) / Count;

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
