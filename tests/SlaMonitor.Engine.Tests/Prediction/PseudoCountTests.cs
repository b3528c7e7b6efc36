using NodaTime;

namespace SlaMonitor.Engine.Tests.Prediction;

/// <summary>Empirical Bayes: how far lanes differ from their parent beyond sampling noise sets the parent's weight.</summary>
public class PseudoCountTests
{
    [Fact]
    public void Lanes_that_differ_only_by_noise_are_shrunk_hard_and_lanes_that_truly_differ_lightly()
    {
        var alike = Build(lane => 0.5);
        var apart = Build(lane => lane % 2 == 0 ? 0.3 : 0.9);

        Assert.True(alike.PseudoCount(0, PromiseStage.AwaitingPickup) >= 100, alike.PseudoCount(0, PromiseStage.AwaitingPickup).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(apart.PseudoCount(0, PromiseStage.AwaitingPickup) <= 5, apart.PseudoCount(0, PromiseStage.AwaitingPickup).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Too_few_lanes_keep_the_default_pseudo_count()
    {
        var statistics = Build(lane => lane % 2 == 0 ? 0.3 : 0.9, lanes: 3);

        Assert.Equal(20, statistics.PseudoCount(0, PromiseStage.AwaitingPickup));
    }

    /// <summary>Lanes into one destination, 50 promises each, shares spread evenly around each lane's centre.</summary>
    private static LaneStatistics Build(Func<int, double> centre, int lanes = 10)
    {
        var builder = new LaneStatisticsBuilder();
        for (var lane = 0; lane < lanes; lane++)
        {
            for (var i = 0; i < 50; i++)
            {
                var share = centre(lane) + ((i - 25) * 0.004);
                builder.AddObservation(new LaneKey($"C{lane}", $"O{lane}", "DE", "4H"), PromiseStage.AwaitingPickup, Duration.FromHours(1), share, []);
            }
        }

        return builder.Build();
    }
}
