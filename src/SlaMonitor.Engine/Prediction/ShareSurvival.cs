namespace SlaMonitor.Engine;

/// <summary>
/// The survival S(x) = P(T &gt; x) of weighted, possibly right-censored share samples: the Kaplan–Meier estimate
/// (a censored sample is at risk up to its share, then leaves without an event). With nothing censored it is the
/// weighted share of samples above x.
/// </summary>
internal sealed class ShareSurvival
{
    private readonly double[] _shares;

    /// <summary>S just after each sample (sorted by share, events before censorings at a tie).</summary>
    private readonly double[] _survivalAfter;

    public ShareSurvival(IEnumerable<ShareSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ShareSample[] sorted = [.. samples.OrderBy(s => s.Share).ThenBy(s => s.Censored)];
        _shares = [.. sorted.Select(s => s.Share)];
        _survivalAfter = new double[sorted.Length];
        var weightAbove = new double[sorted.Length + 1];
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            weightAbove[i] = weightAbove[i + 1] + sorted[i].Weight;
        }

        Weight = weightAbove[0];
        Censored = sorted.Count(s => s.Censored);
        var survival = 1.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            // Without censoring the exact weighted share above (no rounding drift from the product).
            survival = Censored == 0 ? weightAbove[i + 1] / Weight
                : sorted[i].Censored ? survival
                : survival * (1 - (sorted[i].Weight / weightAbove[i]));
            _survivalAfter[i] = survival;
        }
    }

    public int Count => _shares.Length;

    public int Censored { get; }

    /// <summary>The samples' total weight.</summary>
    public double Weight { get; }

    /// <summary>The first share where S falls under one half (the upper median); the largest share if it never does; 0 with no samples.</summary>
    public double Median
    {
        get
        {
            for (var i = 0; i < _shares.Length; i++)
            {
                if (_survivalAfter[i] < 0.5)
                {
                    return _shares[i];
                }
            }

            return Count == 0 ? 0 : _shares[^1];
        }
    }

    /// <summary>P(T &gt; share); 0 with no samples.</summary>
    public double Survival(double share)
    {
        if (Count == 0)
        {
            return 0;
        }

        var above = UpperBound(share);
        return above == 0 ? 1.0 : _survivalAfter[above - 1];
    }

    /// <summary>Index of the first sample strictly greater than <paramref name="share"/>.</summary>
    private int UpperBound(double share)
    {
        int low = 0, high = _shares.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_shares[mid] <= share)
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
