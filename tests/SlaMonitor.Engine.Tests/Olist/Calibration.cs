using System.Globalization;

namespace SlaMonitor.Engine.Tests.Olist;

/// <summary>
/// Reliability of predicted probabilities: (probability, outcome) pairs in 10 equal-width bins; the expected
/// calibration error is the count-weighted mean gap between a bin's mean prediction and its observed late rate.
/// </summary>
public sealed class Calibration
{
    public const int Bins = 10;

    private readonly long[] _count = new long[Bins];
    private readonly double[] _predicted = new double[Bins];
    private readonly long[] _late = new long[Bins];

    public long Count => _count.Sum();

    public void Add(double probability, bool late)
    {
        var bin = Math.Clamp((int)(probability * Bins), 0, Bins - 1);
        _count[bin]++;
        _predicted[bin] += probability;
        _late[bin] += late ? 1 : 0;
    }

    public double ExpectedCalibrationError =>
        Count == 0 ? 0 : Enumerable.Range(0, Bins).Where(b => _count[b] > 0)
            .Sum(b => _count[b] * Math.Abs((_predicted[b] / _count[b]) - ((double)_late[b] / _count[b]))) / Count;

    public override string ToString() => string.Join("; ", Enumerable.Range(0, Bins).Where(b => _count[b] > 0).Select(b =>
        string.Create(CultureInfo.InvariantCulture, $"[{b / 10.0:F1},{(b + 1) / 10.0:F1}) n={_count[b]} predicted {_predicted[b] / _count[b]:F3} late {(double)_late[b] / _count[b]:F3}")));
}
