namespace SlaMonitor.Server.Reports;

/// <summary>
/// The continuous percentile of sorted values, interpolated between the two nearest ranks: what PostgreSQL's
/// percentile_cont computes, for the providers that have no such aggregate (SQLite, SQL Server), in memory.
/// </summary>
public static class Percentile
{
    public static double? Of(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = (int)Math.Ceiling(position);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
