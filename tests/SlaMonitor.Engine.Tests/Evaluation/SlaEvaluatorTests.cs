using NodaTime;

namespace SlaMonitor.Engine.Tests.Evaluation;

public class SlaEvaluatorTests
{
    private static readonly SiteCalendar Berlin24x7 = Sites.Named("24x7", "Europe/Berlin");
    private static readonly Instant Opened = Sites.Local("Europe/Berlin", "2026-11-23T09:00");

    private static Instant At(double hours) => Opened + Sites.Hours(hours);

    private static PromiseState Open(SlaPolicy? policy = null) =>
        PromiseState.Open(Opened, policy ?? Policies.Elapsed(4), Berlin24x7, Events.Lane);

    [Fact]
    public void With_no_history_status_walks_from_on_track_into_the_margin_then_over_the_priors_threshold_then_breached()
    {
        var state = Open();

        var fresh = SlaEvaluator.Evaluate(state, Opened, LaneStatistics.Empty);
        var margin = SlaEvaluator.Evaluate(state, fresh.NextChangeAt!.Value, LaneStatistics.Empty);
        var crossing = SlaEvaluator.Evaluate(state, margin.NextChangeAt!.Value, LaneStatistics.Empty);
        var breach = SlaEvaluator.Evaluate(state, crossing.NextChangeAt!.Value, LaneStatistics.Empty);

        Assert.Equal((PromiseStatus.OnTrack, At(3.5)), (fresh.Status, fresh.NextChangeAt!.Value));
        Assert.Equal((PromiseStatus.AtRisk, RiskSignals.InsideMargin), (margin.Status, margin.Risks));
        Assert.InRange(margin.NextChangeAt!.Value, At(3.5), At(4));
        Assert.Equal((PromiseStatus.AtRisk, RiskSignals.InsideMargin | RiskSignals.ProbabilityOverThreshold), (crossing.Status, crossing.Risks));
        Assert.Equal(At(4) + Duration.FromSeconds(1), crossing.NextChangeAt!.Value);
        Assert.Equal(PromiseStatus.Breached, breach.Status);
        Assert.Null(breach.NextChangeAt);
    }

    [Fact]
    public void The_deadline_second_itself_is_not_yet_breached()
    {
        var evaluation = SlaEvaluator.Evaluate(Open(), At(4) + Duration.FromMilliseconds(999), LaneStatistics.Empty);

        Assert.Equal(PromiseStatus.AtRisk, evaluation.Status);
    }

    [Fact]
    public void Probability_crosses_the_threshold_exactly_at_the_announced_next_change()
    {
        var state = Open(Policies.Elapsed(8)).Apply(Events.Shipment("PICKED_UP", At(1)));
        var lanes = SyntheticLanes.Build(withGaps: false);

        var before = SlaEvaluator.Evaluate(state, At(1), lanes);
        var crossing = before.NextChangeAt!.Value;
        var justBefore = SlaEvaluator.Evaluate(state, crossing - Duration.FromSeconds(2), lanes); // crossings are found to the second
        var atCrossing = SlaEvaluator.Evaluate(state, crossing, lanes);

        Assert.Equal((PromiseStatus.OnTrack, RiskSignals.None), (justBefore.Status, justBefore.Risks));
        Assert.Equal((PromiseStatus.AtRisk, RiskSignals.ProbabilityOverThreshold), (atCrossing.Status, atCrossing.Risks));
        var threshold = SlaPolicy.DefaultProbabilityThreshold;
        Assert.InRange(justBefore.ProbabilityLate, threshold - 0.2, threshold);
        Assert.InRange(atCrossing.ProbabilityLate, threshold, threshold + 0.05);
    }

    [Fact]
    public void Silence_longer_than_the_lanes_normal_gap_is_a_stall_with_its_own_reason()
    {
        var builder = new LaneStatisticsBuilder();
        for (var i = 0; i < 120; i++)
        {
            builder.AddObservation(Events.Lane, PromiseStage.InTransit, Duration.FromHours(2), 0.5, [600]);
        }

        var state = Open(Policies.Elapsed(8)).Apply(Events.Shipment("PICKED_UP", At(1)));

        var evaluation = SlaEvaluator.Evaluate(state, At(1) + Duration.FromMinutes(11), builder.Build());

        Assert.Equal((PromiseStatus.AtRisk, RiskSignals.Stalled), (evaluation.Status, evaluation.Risks));
        Assert.Contains("no scan for 11m; this lane's normal gap in this stage is 10m", evaluation.Reasons);
    }

    [Fact]
    public void An_open_pause_gives_paused_and_moves_the_deadline_as_if_it_ended_now()
    {
        var state = Open().Apply(Events.Repair("CUSTOMER_HOLD_STARTED", At(1)));

        var evaluation = SlaEvaluator.Evaluate(state, At(3), LaneStatistics.Empty);

        Assert.Equal(PromiseStatus.Paused, evaluation.Status);
        Assert.Equal(At(6), evaluation.Deadline.ToInstant());
        Assert.Equal(Sites.Hours(2), evaluation.PausedTime.Customer);
        Assert.Null(evaluation.NextChangeAt);
    }

    [Fact]
    public void A_customs_hold_is_explained_with_the_lanes_median_release_and_the_time_left()
    {
        var builder = new LaneStatisticsBuilder();
        for (var i = 0; i < 101; i++)
        {
            builder.AddObservation(Events.Lane, PromiseStage.CustomsHold, Duration.FromMinutes(345), 0.5, []);
        }

        var held = At(2.75);
        var state = Open(Policies.Elapsed(8, PauseKinds.CustomerHold)).Apply(Events.Customs("HELD", held, location: "DE-FRA"));

        var evaluation = SlaEvaluator.Evaluate(state, held + Duration.FromMinutes(190), builder.Build());

        Assert.Equal(PromiseStatus.OnTrack, evaluation.Status);
        Assert.Equal("customs hold at DE-FRA for 3h10m; median release on this lane 5h45m; 2h05m left", evaluation.Reasons[0]);
    }

    [Fact]
    public void Deadlines_leave_the_engine_with_the_destination_sites_offset()
    {
        var sydney = Sites.Named("24x7", "Australia/Sydney");
        var state = PromiseState.Open(Sites.Local(sydney, "2026-10-03T23:00"), Policies.Elapsed(4), sydney, Events.Lane);

        var evaluation = SlaEvaluator.Evaluate(state, state.OpenedAt, LaneStatistics.Empty);

        Assert.Equal("2026-10-04T04:00+11:00", Sites.AtSite(sydney, evaluation.Deadline.ToInstant()));
        Assert.Equal(Offset.FromHours(11), evaluation.Deadline.Offset);
    }

    [Theory]
    [InlineData(3, PromiseStatus.Met)]
    [InlineData(5, PromiseStatus.Missed)]
    public void A_fulfilled_promise_is_met_or_missed_and_never_wakes_again(double deliveredAfterHours, PromiseStatus expected)
    {
        var state = Open().Apply(Events.Shipment("DELIVERED", At(deliveredAfterHours)));

        var evaluation = SlaEvaluator.Evaluate(state, At(10), LaneStatistics.Empty);

        Assert.Equal(expected, evaluation.Status);
        Assert.Null(evaluation.NextChangeAt);
    }

    [Fact]
    public void A_cancelled_promise_is_cancelled()
    {
        var state = Open().Apply(Events.Repair("CANCELLED", At(1)));

        Assert.Equal(PromiseStatus.Cancelled, SlaEvaluator.Evaluate(state, At(2), LaneStatistics.Empty).Status);
    }
}
