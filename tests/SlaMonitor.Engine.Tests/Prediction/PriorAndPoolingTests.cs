using NodaTime;

namespace SlaMonitor.Engine.Tests.Prediction;

/// <summary>The default prior with no history, shrinkage toward coarser lanes instead of cliffs, and stalls only from enough gaps.</summary>
public class PriorAndPoolingTests
{
    private static readonly SiteCalendar Berlin24x7 = Sites.Named("24x7", "Europe/Berlin");
    private static readonly Instant Opened = Sites.Local("Europe/Berlin", "2026-11-23T09:00");
    private static readonly LaneKey Elsewhere = new("DHL", "FR", "ES", "NBD");

    private static PromiseState Open(SlaPolicy? policy = null) => PromiseState.Open(Opened, policy ?? Policies.Elapsed(4), Berlin24x7, Events.Lane);

    private static Instant At(Duration elapsed) => Opened + elapsed;

    [Fact]
    public void With_no_history_a_4h_promise_that_used_65_percent_of_its_budget_without_pickup_is_at_least_30_percent_likely_late()
    {
        var evaluation = SlaEvaluator.Evaluate(Open(), At(Duration.FromMinutes(156)), LaneStatistics.Empty);

        Assert.InRange(evaluation.ProbabilityLate, 0.3, 0.6);
        Assert.Equal("from the default prior", evaluation.EstimateSource.ToString());
    }

    [Fact]
    public void A_handful_of_unrelated_closed_promises_do_not_make_a_promise_certain_to_be_late_50_minutes_into_4_hours()
    {
        var builder = new LaneStatisticsBuilder();
        for (var i = 0; i < 5; i++)
        {
            builder.AddObservation(Elsewhere, PromiseStage.AwaitingPickup, Duration.FromMinutes(10), 0.1 + (i * 0.01), []);
        }

        var evaluation = SlaEvaluator.Evaluate(Open(), At(Duration.FromMinutes(50)), builder.Build());

        Assert.InRange(evaluation.ProbabilityLate, 0.0, 0.3);
        Assert.Equal(PromiseStatus.OnTrack, evaluation.Status);
    }

    [Fact]
    public void Three_always_late_samples_move_the_estimate_a_little_and_three_hundred_a_lot()
    {
        var prior = SlaEvaluator.Evaluate(Open(), Opened, LaneStatistics.Empty).ProbabilityLate;

        var three = SlaEvaluator.Evaluate(Open(), Opened, AlwaysLate(3)).ProbabilityLate;
        var threeHundred = SlaEvaluator.Evaluate(Open(), Opened, AlwaysLate(300)).ProbabilityLate;

        Assert.InRange(prior, 0.11, 0.13);
        Assert.InRange(three - prior, 0.05, 0.2);
        Assert.InRange(threeHundred, 0.9, 1.0);
    }

    [Fact]
    public void The_estimate_names_the_level_that_weighs_most()
    {
        var builder = new LaneStatisticsBuilder();
        AddAlwaysLate(builder, Events.Lane, 3);
        AddAlwaysLate(builder, Events.Lane with { Carrier = "DHL" }, 409);

        var evaluation = SlaEvaluator.Evaluate(Open(), Opened, builder.Build());

        Assert.Equal("from 412 promises on NL→DE, all carriers", evaluation.EstimateSource.ToString());
    }

    [Fact]
    public void A_lane_with_enough_promises_of_its_own_is_named_as_the_source()
    {
        var evaluation = SlaEvaluator.Evaluate(Open(), Opened, AlwaysLate(300));

        Assert.Equal("from 300 promises on UPS NL→DE 4H-ONSITE", evaluation.EstimateSource.ToString());
    }

    [Fact]
    public void A_few_one_minute_gaps_raise_no_stall()
    {
        var builder = new LaneStatisticsBuilder();
        for (var i = 0; i < 3; i++)
        {
            builder.AddObservation(Events.Lane, PromiseStage.InTransit, Duration.FromHours(1), 0.5, Enumerable.Repeat(60.0, 40));
        }

        var state = Open(Policies.Elapsed(8)).Apply(Events.Shipment("PICKED_UP", Opened));
        var evaluation = SlaEvaluator.Evaluate(state, At(Duration.FromMinutes(30)), builder.Build());

        Assert.Equal(RiskSignals.None, evaluation.Risks & RiskSignals.Stalled);
    }

    [Fact]
    public void A_lane_with_too_few_gaps_judges_stalls_by_its_parents_gaps_and_says_so()
    {
        var builder = new LaneStatisticsBuilder();
        for (var i = 0; i < 40; i++)
        {
            builder.AddObservation(Events.Lane with { Carrier = "DHL" }, PromiseStage.InTransit, Duration.FromHours(1), 0.5, [1200, 1200, 1200]);
        }

        builder.AddObservation(Events.Lane, PromiseStage.InTransit, Duration.FromHours(1), 0.5, [60, 60, 60]);
        var state = Open(Policies.Elapsed(8)).Apply(Events.Shipment("PICKED_UP", Opened));

        var quiet = SlaEvaluator.Evaluate(state, At(Duration.FromMinutes(19)), builder.Build());
        var stalled = SlaEvaluator.Evaluate(state, At(Duration.FromMinutes(21)), builder.Build());

        Assert.Equal(RiskSignals.None, quiet.Risks & RiskSignals.Stalled);
        Assert.Equal(RiskSignals.Stalled, stalled.Risks & RiskSignals.Stalled);
        Assert.Contains("no scan for 21m; the normal gap on NL→DE, all carriers in this stage is 20m", stalled.Reasons);
    }

    [Fact]
    public void While_on_track_the_shown_probability_is_refreshed_before_it_gains_more_than_a_step()
    {
        var state = Open();
        var at = Opened;
        var probability = 0.0;
        for (var i = 0; i < 20 && SlaEvaluator.Evaluate(state, at, LaneStatistics.Empty) is { Status: PromiseStatus.OnTrack, NextRefreshAt: { } next } evaluation; i++)
        {
            var justBefore = SlaEvaluator.Evaluate(state, next - Duration.Epsilon, LaneStatistics.Empty).ProbabilityLate;
            Assert.True(justBefore - evaluation.ProbabilityLate <= 0.1 + 1e-3, // a step is found to the second
                $"{evaluation.ProbabilityLate} then {justBefore} before {next}");
            probability = evaluation.ProbabilityLate;
            at = next;
        }

        Assert.True(probability >= 0.6, $"last refreshed probability {probability}");
    }

    private static LaneStatistics AlwaysLate(int promises)
    {
        var builder = new LaneStatisticsBuilder();
        AddAlwaysLate(builder, Events.Lane, promises);
        return builder.Build();
    }

    private static void AddAlwaysLate(LaneStatisticsBuilder builder, LaneKey lane, int promises)
    {
        for (var i = 0; i < promises; i++)
        {
            builder.AddObservation(lane, PromiseStage.AwaitingPickup, Duration.FromHours(1), 1.5, []);
        }
    }
}
