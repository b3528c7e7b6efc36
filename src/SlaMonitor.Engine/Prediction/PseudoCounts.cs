namespace SlaMonitor.Engine;

/// <summary>
/// How many promises' worth of weight a lane level's parent gets when the level is shrunk toward it, estimated from
/// the data (empirical Bayes, beta-binomial method of moments): if the lanes under their parents differ no more than
/// sampling noise explains, the parent gets much weight; if they differ a lot, little. Measured per stage and level
/// depth on the share of each lane's promises slower than its parent's median.
/// </summary>
internal static class PseudoCounts
{
    /// <summary>Used where too few lanes tell: 3 promises then move an estimate by 13 %, 300 by 94 %.</summary>
    public const double Default = 20;

    public const double Minimum = 2;

    public const double Maximum = 1000;

    /// <summary>Fewer lanes than this at a depth and the default is used.</summary>
    public const int MinimumLanes = 5;

    public static Dictionary<(int Depth, PromiseStage Stage), double> Estimate(IReadOnlyDictionary<(LaneKey Lane, PromiseStage Stage), StageStatistics> byLane)
    {
        var sums = new Dictionary<(int, PromiseStage), (double Excess, double Scale, int Lanes)>();
        foreach (var ((lane, stage), child) in byLane)
        {
            if (child.Count < 2 || ParentWithMore(lane, stage, child.Count, byLane) is not { } parent)
            {
                continue;
            }

            var split = parent.MedianShare;
            var p = parent.Survival(split);
            var variance = p * (1 - p);
            if (variance <= 0)
            {
                continue;
            }

            // E[(p_i - p)^2] = p(1-p)/n + p(1-p)(1 - 1/n)/(k + 1): the excess over sampling noise measures 1/(k + 1).
            var deviation = child.Survival(split) - p;
            var key = (lane.Depth, stage);
            var (excess, scale, lanes) = sums.GetValueOrDefault(key);
            var n = child.EffectiveCount;
            sums[key] = (excess + (deviation * deviation) - (variance / n), scale + (variance * (1 - (1.0 / n))), lanes + 1);
        }

        return sums.Where(s => s.Value.Lanes >= MinimumLanes).ToDictionary(
            s => s.Key,
            s => s.Value.Excess <= 0 ? Maximum : Math.Clamp((s.Value.Scale / s.Value.Excess) - 1, Minimum, Maximum));
    }

    /// <summary>The first coarser level with more promises than the lane: a level with the same count holds the same
    /// promises, so it is no parent to shrink toward (that would count the lane's samples twice).</summary>
    private static StageStatistics? ParentWithMore(
        LaneKey lane, PromiseStage stage, int count, IReadOnlyDictionary<(LaneKey Lane, PromiseStage Stage), StageStatistics> byLane)
    {
        for (var level = lane.Parent(); level is { } key; level = key.Parent())
        {
            if (byLane.TryGetValue((key, stage), out var parent) && parent.Count > count)
            {
                return parent;
            }
        }

        return null;
    }
}
