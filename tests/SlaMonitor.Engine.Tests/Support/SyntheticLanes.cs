using NodaTime;

namespace SlaMonitor.Engine.Tests;

/// <summary>Deterministic lane statistics for <see cref="Events.Lane"/>: every stage has 200 observations, with scan gaps or without.</summary>
internal static class SyntheticLanes
{
    public static LaneStatistics Build(bool withGaps = true)
    {
        var builder = new LaneStatisticsBuilder();
        foreach (var stage in Enum.GetValues<PromiseStage>())
        {
            for (var i = 0; i < 200; i++)
            {
                // Shares spread over 0.2 .. 1.4 of the budget, gaps of 10 .. 60 minutes.
                var share = 0.2 + (i * 0.006);
                builder.AddObservation(Events.Lane, stage, Duration.FromMinutes(30 + i), share, withGaps ? [600 + (i % 50 * 60)] : []);
            }
        }

        return builder.Build();
    }
}
