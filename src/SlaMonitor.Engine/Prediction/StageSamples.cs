namespace SlaMonitor.Engine;

/// <summary>Raw observations of one lane and stage while a <see cref="LaneStatisticsBuilder"/> collects them.</summary>
internal sealed class StageSamples
{
    public List<ShareSample> RemainingShares { get; } = [];

    public List<double> Durations { get; } = [];

    public List<double> Gaps { get; } = [];

    /// <summary>Promises that contributed at least one gap.</summary>
    public int PromisesWithGaps { get; set; }
}
