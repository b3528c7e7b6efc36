using SlaMonitor.Engine;

namespace SlaMonitor.Server.Promises;

/// <summary>The lane statistics the engine predicts with; rebuilt from closed promises by <c>RebuildLaneStatisticsJob</c>.</summary>
public sealed class LaneStatisticsStore
{
    private volatile LaneStatistics _current = LaneStatistics.Empty;

    public LaneStatistics Current => _current;

    public void Replace(LaneStatistics statistics) => _current = statistics;
}
