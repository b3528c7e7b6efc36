using NodaTime;

namespace SlaMonitor.Engine.Tests.Olist;

/// <summary>Prediction quality on real history (docs/prediction.md). The replay is deterministic, so these are floors,
/// set just under the figures measured with the pooled model at the unchanged default threshold, not timings. They
/// are regression guards on the evaluated half, not a quality claim: the replay tool's test split replaces them.</summary>
public class OlistPredictionTests
{
    private static readonly Lazy<OlistScore> Score = new(() =>
        OlistReplay.Run(OlistDataset.LoadDelivered(), OlistReplay.Policy(SlaPolicy.DefaultProbabilityThreshold, Duration.Zero)));

    [Fact]
    public void Hourly_replay_of_the_later_half_flags_at_least_99_percent_of_late_orders_before_their_deadline() =>
        Assert.True(Score.Value.Recall >= 0.99, Score.Value.ToString());

    [Fact]
    public void At_least_69_percent_of_flagged_orders_turn_out_late() =>
        Assert.True(Score.Value.Precision >= 0.69, Score.Value.ToString());

    [Fact]
    public void Median_warning_lead_on_late_orders_is_at_least_45_hours() =>
        Assert.True(Score.Value.MedianLead >= Duration.FromHours(45), Score.Value.ToString());

    [Fact]
    public void Hourly_probabilities_of_the_later_half_are_calibrated_within_6_points() =>
        Assert.True(Score.Value.Calibration.ExpectedCalibrationError <= 0.06, Score.Value.ToString());

    [Fact]
    public void The_evaluated_half_is_the_later_half_by_purchase_time()
    {
        var orders = OlistDataset.LoadDelivered();

        Assert.Equal(5164, orders.Count);
        Assert.True(orders[orders.Count / 2 - 1].Purchased <= orders[orders.Count / 2].Purchased);
        Assert.Equal(211, Score.Value.Late);
    }
}
