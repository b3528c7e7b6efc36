namespace SlaMonitor.Engine;

/// <summary>
/// Per-lane, per-stage statistics built from closed promises (data passed in; the engine reads no files). A lookup
/// pools the lane with its coarser levels and the default prior (<see cref="StageEstimate"/>), so it always answers.
/// </summary>
public sealed class LaneStatistics
{
    private readonly Dictionary<(LaneKey, PromiseStage), StageStatistics> _byLane;
    private readonly Dictionary<(int, PromiseStage), double> _pseudoCounts;
    private readonly Dictionary<(LaneKey, PromiseStage), StageEstimate> _resolved = [];

    internal LaneStatistics(Dictionary<(LaneKey, PromiseStage), StageStatistics> byLane)
    {
        _byLane = byLane;
        _pseudoCounts = PseudoCounts.Estimate(byLane);
        foreach (var (lane, stage) in byLane.Keys.Where(k => k.Item1.Depth == 0))
        {
            _resolved[(lane, stage)] = Resolve(lane, stage);
        }
    }

    /// <summary>No history: every estimate is the default prior.</summary>
    public static LaneStatistics Empty { get; } = new([]);

    public int LaneCount => _byLane.Count;

    /// <summary>How many passes through this stage this level has learnt from (its own samples, before pooling).</summary>
    public int SampleCount(LaneKey level, PromiseStage stage) => _byLane.TryGetValue((level, stage), out var samples) ? samples.Count : 0;

    /// <summary>The pseudo-count a level at this depth is shrunk toward its parent with, for this stage.</summary>
    public double PseudoCount(int depth, PromiseStage stage) => _pseudoCounts.GetValueOrDefault((depth, stage), PseudoCounts.Default);

    /// <summary>The pooled estimate for this lane and stage; the default prior when nothing is known.</summary>
    public StageEstimate For(LaneKey lane, PromiseStage stage) =>
        _resolved.TryGetValue((lane, stage), out var known) ? known : Resolve(lane, stage);

    private StageEstimate Resolve(LaneKey lane, PromiseStage stage) => new(stage, [.. lane.FallbackChain().Select(level =>
        (level, _byLane.GetValueOrDefault((level, stage)), PseudoCount(level.Depth, stage)))]);
}
