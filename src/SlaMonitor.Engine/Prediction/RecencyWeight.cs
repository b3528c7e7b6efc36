using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// How much a closed promise teaches the lane statistics, by how long ago it closed: exponential decay with a
/// half-life, so the estimates follow the current regime (a promise closed one half-life ago counts as half a promise).
/// No half-life: every promise counts fully.
/// </summary>
public static class RecencyWeight
{
    /// <summary>0.5^((asOf − closedAt) / halfLife), at most 1 (a closing at or after <paramref name="asOf"/> counts fully).</summary>
    public static double Of(Instant closedAt, Instant asOf, Duration? halfLife)
    {
        if (halfLife is not { } h || closedAt >= asOf)
        {
            return 1.0;
        }

        if (h <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.");
        }

        return Math.Pow(0.5, (asOf - closedAt) / h);
    }
}
