namespace SlaMonitor.Engine;

/// <summary>
/// Per-lane, per-stage statistics built from closed promises (data passed in; the engine reads no files).
/// A lookup falls back from the exact lane to coarser lanes and finally to the global prior when data is thin.
/// </summary>
public sealed class LaneStatistics
{
    private readonly Dictionary<(LaneKey, PromiseStage), StageStatistics> _byLane;
    private readonly Dictionary<(LaneKey, PromiseStage), StageStatistics?> _resolved = [];

    internal LaneStatistics(Dictionary<(LaneKey, PromiseStage), StageStatistics> byLane, int minimumSamples)
    {
        _byLane = byLane;
        MinimumSamples = minimumSamples;
        foreach (var (lane, stage) in byLane.Keys)
        {
            _resolved[(lane, stage)] = Resolve(lane, stage);
        }
    }

    public static LaneStatistics Empty { get; } = new([], LaneStatisticsBuilder.DefaultMinimumSamples);

    /// <summary>A lane level is used only with at least this many closed promises through the stage.</summary>
    public int MinimumSamples { get; }

    public int LaneCount => _byLane.Count;

    /// <summary>The finest lane level with enough samples for this stage, or null when nothing is known.</summary>
    public StageStatistics? For(LaneKey lane, PromiseStage stage) =>
        _resolved.TryGetValue((lane, stage), out var known) ? known : Resolve(lane, stage);

    private StageStatistics? Resolve(LaneKey lane, PromiseStage stage)
    {
        StageStatistics? coarsest = null;
        foreach (var level in lane.FallbackChain())
        {
            if (_byLane.TryGetValue((level, stage), out var statistics))
            {
                if (statistics.Count >= MinimumSamples)
                {
                    return statistics;
                }

                coarsest = statistics;
            }
        }

        return coarsest;
    }
}
