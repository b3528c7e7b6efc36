using NodaTime;

namespace SlaMonitor.Engine.Tests.Olist;

/// <summary>Prediction quality on real history (docs/prediction.md). The replay is deterministic, so these are floors,
/// set just under the measured figures, not timings.</summary>
public class OlistPredictionTests
{
    private static readonly Lazy<OlistScore> Score = new(() =>
        OlistReplay.Run(OlistDataset.LoadDelivered(), OlistReplay.Policy(SlaPolicy.DefaultProbabilityThreshold, Duration.Zero)));

    [Fact]
    public void Hourly_replay_of_the_later_half_flags_at_least_99_percent_of_late_orders_before_their_deadline() =>
        Assert.True(Score.Value.Recall >= 0.99, Score.Value.ToString());

    [Fact]
    public void At_least_75_percent_of_flagged_orders_turn_out_late() =>
        Assert.True(Score.Value.Precision >= 0.75, Score.Value.ToString());

    [Fact]
    public void Median_warning_lead_on_late_orders_is_at_least_48_hours() =>
        Assert.True(Score.Value.MedianLead >= Duration.FromHours(48), Score.Value.ToString());

    [Fact]
    public void The_evaluated_half_is_the_later_half_by_purchase_time()
    {
        var orders = OlistDataset.LoadDelivered();

        Assert.Equal(5164, orders.Count);
        Assert.True(orders[orders.Count / 2 - 1].Purchased <= orders[orders.Count / 2].Purchased);
        Assert.Equal(211, Score.Value.Late);
    }
}
