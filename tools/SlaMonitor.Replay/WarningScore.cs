namespace SlaMonitor.Replay;

/// <summary>
/// Recall = late promises warned / late promises; precision = warned promises that ended late / warned promises; lead =
/// deadline − first warning over warned late promises (hours).
/// </summary>
public sealed record WarningScore(int Late, int Warned, int WarnedLate, double Recall, double Precision, double? MedianLeadHours, double? P25LeadHours)
{
    /// <summary>Scores judged promises by when (if ever) each was warned; null = never.</summary>
    public static WarningScore Of(IReadOnlyList<(bool IsLate, double? LeadHours)> promises)
    {
        ArgumentNullException.ThrowIfNull(promises);
        var late = promises.Count(p => p.IsLate);
        var warned = promises.Count(p => p.LeadHours.HasValue);
        var leads = promises.Where(p => p.IsLate && p.LeadHours.HasValue).Select(p => p.LeadHours!.Value).Order().ToList();
        return new WarningScore(
            late, warned, leads.Count,
            late == 0 ? 0 : Round((double)leads.Count / late),
            warned == 0 ? 0 : Round((double)leads.Count / warned),
            Quantile(leads, 0.5), Quantile(leads, 0.25));
    }

    /// <summary>The nearest-rank quantile, to 0.1 h.</summary>
    public static double? Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
    }

    public static double Round(double value) => Math.Round(value, 4);
}
