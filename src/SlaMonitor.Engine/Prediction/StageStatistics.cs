using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// Empirical distributions for one stage of one lane, in seconds, sorted: time from entering the stage to
/// fulfilment, the stage's own duration, and gaps between scans while in it.
/// </summary>
public sealed class StageStatistics
{
    // The survival estimate counts each sample above x, plus half a sample, over n + 1: never exactly 0 or 1,
    // so a promise that outlasts every observation is "as late as the latest one seen", not a division by zero.
    private const double Smoothing = 0.5;

    private readonly double[] _remaining;
    private readonly double[] _durations;
    private readonly double[] _gaps;

    public StageStatistics(IEnumerable<double> remainingSeconds, IEnumerable<double> durationSeconds, IEnumerable<double> gapSeconds)
    {
        ArgumentNullException.ThrowIfNull(remainingSeconds);
        ArgumentNullException.ThrowIfNull(durationSeconds);
        ArgumentNullException.ThrowIfNull(gapSeconds);
        _remaining = [.. remainingSeconds.Order()];
        _durations = [.. durationSeconds.Order()];
        _gaps = [.. gapSeconds.Order()];
        MedianDuration = _durations.Length == 0 ? null : Duration.FromSeconds(_durations[_durations.Length / 2]);
        NormalGap = _gaps.Length < StallMinimumSamples ? null : Duration.FromSeconds(_gaps[(int)(_gaps.Length * StallQuantile)]);
    }

    /// <summary>A gap longer than this share of observed gaps is a stall.</summary>
    public const double StallQuantile = 0.95;

    public const int StallMinimumSamples = 20;

    public int Count => _remaining.Length;

    public Duration? MedianDuration { get; }

    /// <summary>The longest usual silence in this stage; longer is a stall. Null when too few gaps were seen.</summary>
    public Duration? NormalGap { get; }

    /// <summary>P(T > budget | T > elapsed), T = time from entering the stage to fulfilment.</summary>
    public double ProbabilityLate(double elapsedSeconds, double budgetSeconds)
    {
        if (budgetSeconds <= elapsedSeconds)
        {
            return 1.0;
        }

        return Survivors(budgetSeconds) / Survivors(elapsedSeconds);
    }

    /// <summary>Median of T given T > elapsed, in seconds from stage entry; null when no observation lasted that long.</summary>
    public double? ConditionalMedianRemaining(double elapsedSeconds)
    {
        var firstAbove = UpperBound(_remaining, elapsedSeconds);
        if (firstAbove >= _remaining.Length)
        {
            return null;
        }

        return _remaining[(firstAbove + _remaining.Length - 1) / 2];
    }

    /// <summary>
    /// The elapsed time in the stage at which <see cref="ProbabilityLate"/> first reaches <paramref name="threshold"/>
    /// for a fixed budget (the probability only grows with elapsed time), or null when it never does before the budget.
    /// </summary>
    public double? ElapsedWhereProbabilityReaches(double budgetSeconds, double threshold)
    {
        // Survivors(e) <= Survivors(budget) / threshold  <=>  count above e <= limit.
        var limit = (int)Math.Floor((Survivors(budgetSeconds) / threshold * (_remaining.Length + 1)) - Smoothing + 1e-9);
        if (limit >= _remaining.Length)
        {
            return 0;
        }

        if (limit < 0)
        {
            return null;
        }

        var at = _remaining[_remaining.Length - 1 - limit];
        return at < budgetSeconds ? at : null;
    }

    private double Survivors(double seconds)
    {
        var above = _remaining.Length - UpperBound(_remaining, seconds);
        return (above + Smoothing) / (_remaining.Length + 1);
    }

    /// <summary>Index of the first value strictly greater than <paramref name="value"/>.</summary>
    private static int UpperBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] <= value)
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
