using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// How much a promise teaches the lane statistics, by how long ago it opened: exponential decay with a half-life, so
/// the estimates follow the current regime (a promise opened one half-life ago counts as half a promise). The age is
/// taken from the opening, never the closing: among promises opened together the slow ones close last, so a weight
/// by closing time would favour them. No half-life: every promise counts fully.
/// </summary>
public static class RecencyWeight
{
    /// <summary>0.5^((asOf − openedAt) / halfLife), at most 1 (an opening at or after <paramref name="asOf"/> counts fully).</summary>
    public static double Of(Instant openedAt, Instant asOf, Duration? halfLife)
    {
        if (halfLife is not { } h || openedAt >= asOf)
        {
            return 1.0;
        }

        if (h <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.");
        }

        return Math.Pow(0.5, (asOf - openedAt) / h);
    }
}
