using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Replay;

/// <summary>Turns what the replay saw into <see cref="ReplayReport"/>: warnings, calibration, baselines, the threshold sweep.</summary>
public static class ReportBuilder
{
    /// <summary>The rule for the default threshold: the highest recall with precision ≥ this on the scored window (ties: longer median lead).</summary>
    public const double MinimumPrecision = 0.80;

    private const int Bins = 10;
    private const double LeadBucketHours = 12;

    public static ReplayReport Build(ReplayOptions options, ReplayInput input, IReadOnlyList<BadRow> refused, IReadOnlyCollection<ScoredPromise> scored, TimeSpan wall)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(scored);
        var promises = scored.OrderBy(p => p.TicketRef, StringComparer.Ordinal).ToList();
        var judged = promises.Where(p => p.IsJudged).ToList();
        var model = WarningScore.Of(judged.ConvertAll(p => (p.IsLate, Lead(p, p.FirstWarning))));
        var looks = judged.SelectMany(p => p.Observations.Where(o => o.IsTick).Select(o => (o.ProbabilityLate, Late: p.IsLate ? 1.0 : 0.0))).ToList();
        var calibration = Calibration(looks);
        var thresholds = Enumerable.Range(5, 91).Select(i => Sweep(judged, i / 100.0)).ToList();
        return new ReplayReport
        {
            Windows = new ReportWindows(
                Text(options.TrainUntil), Text(options.ScoreFrom ?? options.TrainUntil), Text(options.ScoreUntil),
                PeriodPattern.NormalizingIso.Format(Period.FromSeconds((long)options.Every.TotalSeconds).Normalize()),
                PeriodPattern.NormalizingIso.Format(Period.FromSeconds((long)options.RebuildEvery.TotalSeconds).Normalize())),
            Events = input.Events.Count + input.BadRows.Count,
            BadRows = [.. input.BadRows.Concat(refused).OrderBy(b => b.Line)],
            Promises = promises.Count,
            StatusCounts = promises.GroupBy(p => p.Status, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Late = model.Late,
            Warned = model.Warned,
            WarnedLate = model.WarnedLate,
            Recall = model.Recall,
            Precision = model.Precision,
            MedianLeadHours = model.MedianLeadHours,
            P25LeadHours = model.P25LeadHours,
            Brier = looks.Count == 0 ? null : WarningScore.Round(looks.Average(l => (l.ProbabilityLate - l.Late) * (l.ProbabilityLate - l.Late))),
            Ece = ExpectedCalibrationError(calibration),
            Looks = looks.Count,
            Calibration = calibration,
            LeadHistogram = LeadHistogram(judged.Where(p => p.IsLate).Select(p => Lead(p, p.FirstWarning)).OfType<double>()),
            Baselines = new Dictionary<string, WarningScore>(StringComparer.Ordinal)
            {
                ["snapshotAtPickup"] = WarningScore.Of(judged.ConvertAll(p => (p.IsLate, p.AtRiskAtPickup ? Lead(p, p.PickedUpAt) : null))),
                ["elapsed75Percent"] = WarningScore.Of(judged.ConvertAll(p => (p.IsLate, Lead(p, SeventyFivePercent(p))))),
            },
            Thresholds = thresholds,
            ChosenThreshold = Choose(thresholds),
            Timing = new ReportTiming(Math.Round(wall.TotalSeconds, 1), Math.Round(input.Events.Count / Math.Max(wall.TotalSeconds, 0.001), 0)),
        };
    }

    /// <summary>Highest recall among thresholds with precision ≥ <see cref="MinimumPrecision"/>, ties to the longer median lead
    /// then the lower threshold; null when none reaches it.</summary>
    public static ThresholdRow? Choose(IEnumerable<ThresholdRow> rows) =>
        rows.Where(r => r.Precision >= MinimumPrecision)
            .OrderByDescending(r => r.Recall).ThenByDescending(r => r.MedianLeadHours ?? 0).ThenBy(r => r.Threshold)
            .FirstOrDefault();

    private static ThresholdRow Sweep(List<ScoredPromise> judged, double threshold)
    {
        var score = WarningScore.Of(judged.ConvertAll(p => (p.IsLate, Lead(p, FirstWarningAt(p, threshold)))));
        return new ThresholdRow(threshold, score.Recall, score.Precision, score.MedianLeadHours, score.Warned);
    }

    private static Instant? FirstWarningAt(ScoredPromise p, double threshold)
    {
        foreach (var o in p.Observations)
        {
            if (o.ProbabilityLate >= threshold || o.OtherRisk)
            {
                return o.At;
            }
        }

        return null;
    }

    /// <summary>Deadline − warning in hours, or null when there was no warning before the deadline.</summary>
    private static double? Lead(ScoredPromise p, Instant? warnedAt) =>
        warnedAt is { } at && at < p.Deadline && (p.ClosedAt is not { } closed || at <= closed) ? (p.Deadline - at).TotalHours : null;

    /// <summary>The helpdesk rule: still open when 75 % of the time from opening to deadline has elapsed.</summary>
    private static Instant? SeventyFivePercent(ScoredPromise p)
    {
        var at = p.OpenedAt + ((p.Deadline - p.OpenedAt) * 0.75);
        return p.ClosedAt is { } closed && closed <= at ? null : at;
    }

    /// <summary>The looks' gap between mean probability and share late, bin by bin, weighted by the bin's looks; null without looks.</summary>
    public static double? ExpectedCalibrationError(IReadOnlyList<CalibrationBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var looks = bins.Sum(b => b.Count);
        return looks == 0 ? null : WarningScore.Round(bins.Where(b => b.Count > 0)
            .Sum(b => (double)b.Count / looks * Math.Abs(b.MeanProbability!.Value - b.FractionLate!.Value)));
    }

    /// <summary>Ten equal-width probability bins: looks, mean probability and share late in each (late = 1).</summary>
    public static List<CalibrationBin> Calibration(List<(double ProbabilityLate, double Late)> looks) =>
        Enumerable.Range(0, Bins).Select(b =>
        {
            var inBin = looks.Where(l => Math.Min((int)(l.ProbabilityLate * Bins), Bins - 1) == b).ToList();
            return new CalibrationBin(
                b / (double)Bins, (b + 1) / (double)Bins, inBin.Count,
                inBin.Count == 0 ? null : WarningScore.Round(inBin.Average(l => l.ProbabilityLate)),
                inBin.Count == 0 ? null : WarningScore.Round(inBin.Average(l => l.Late)));
        }).ToList();

    private static List<LeadBucket> LeadHistogram(IEnumerable<double> leads)
    {
        var counts = leads.GroupBy(l => (int)(l / LeadBucketHours)).ToDictionary(g => g.Key, g => g.Count());
        var last = counts.Count == 0 ? -1 : counts.Keys.Max();
        return Enumerable.Range(0, last + 1)
            .Select(b => new LeadBucket(b * LeadBucketHours, (b + 1) * LeadBucketHours, counts.GetValueOrDefault(b))).ToList();
    }

    private static string? Text(Instant? instant) => instant?.ToString("g", CultureInfo.InvariantCulture);
}
