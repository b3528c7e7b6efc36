namespace SlaMonitor.Server.Reports;

/// <summary>The worst lanes: lowest attainment first among those with enough closed promises, then the busier, then by name.</summary>
public static class SummaryLanes
{
    /// <summary>Met + missed a lane needs in the range to be ranked: fewer is chance, not a pattern.</summary>
    public const int MinVolume = 5;

    /// <summary>Dimensions of the attainment query that make a lane, in this order.</summary>
    public static readonly IReadOnlyList<string> Dimensions = [ReportDimensions.Carrier, ReportDimensions.Region, ReportDimensions.ServiceLevel];

    public static IReadOnlyList<SummaryLane> Worst(IEnumerable<AttainmentRow> lanes, int count) =>
        lanes
            .Where(r => r.Met + r.Missed >= MinVolume && r.Attainment is not null)
            .Select(r => new SummaryLane(
                r.Key.Carrier, r.Key.Region ?? "", r.Key.ServiceLevel ?? "",
                $"{r.Key.Carrier ?? "no carrier"} into {r.Key.Region}, {r.Key.ServiceLevel}", r.Met, r.Missed, r.Attainment!.Value))
            .OrderBy(l => l.Attainment).ThenByDescending(l => l.Met + l.Missed).ThenBy(l => l.Lane, StringComparer.Ordinal)
            .Take(count)
            .ToList();
}
