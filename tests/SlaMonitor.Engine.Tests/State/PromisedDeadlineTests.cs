using NodaTime;

namespace SlaMonitor.Engine.Tests.State;

/// <summary>Issue 17, point 2: an explicit promised deadline replaces the policy's target; clock, pauses and margin stay the policy's.</summary>
public class PromisedDeadlineTests
{
    private static readonly SiteCalendar Berlin24x7 = Sites.Named("24x7", "Europe/Berlin");
    private static readonly Instant Opened = Sites.Local("Europe/Berlin", "2026-11-23T09:00");

    private static Instant At(double hours) => Opened + Sites.Hours(hours);

    private static PromiseState Promised(double hours) =>
        PromiseFold.From(Opened, Policies.Elapsed(4), Berlin24x7, Events.Lane, [], promisedDeadline: At(hours));

    [Fact]
    public void A_promised_deadline_replaces_the_policys_four_hour_target_and_the_budget_follows_it()
    {
        var state = Promised(10);

        Assert.True(state.IsDeadlinePromised);
        Assert.Equal(At(10), state.Deadline);
        Assert.Equal(Sites.Hours(10), state.Budget);
        Assert.Equal(PromiseStatus.OnTrack, SlaEvaluator.Evaluate(state, At(5), LaneStatistics.Empty).Status);
    }

    [Fact]
    public void The_policys_margin_still_turns_a_promised_deadline_at_risk_half_an_hour_before_it()
    {
        var before = SlaEvaluator.Evaluate(Promised(10), At(9.5) - Duration.FromSeconds(1), LaneStatistics.Empty);
        var inside = SlaEvaluator.Evaluate(Promised(10), At(9.5), LaneStatistics.Empty);

        Assert.False(before.Risks.HasFlag(RiskSignals.InsideMargin));
        Assert.True(inside.Risks.HasFlag(RiskSignals.InsideMargin));
        Assert.Equal(PromiseStatus.AtRisk, inside.Status);
    }

    [Fact]
    public void A_customer_hold_the_policy_pauses_on_moves_a_promised_deadline()
    {
        var state = Promised(10)
            .Apply(Events.Repair("CUSTOMER_HOLD_STARTED", At(1)))
            .Apply(Events.Repair("CUSTOMER_HOLD_ENDED", At(3)));

        Assert.Equal(At(12), state.Deadline);
    }

    [Fact]
    public void A_fulfilment_after_a_promised_deadline_earlier_than_the_policys_target_is_missed()
    {
        var state = Promised(2).Apply(Events.Shipment("DELIVERED", At(3)));

        Assert.Equal(PromiseStatus.Missed, SlaEvaluator.Evaluate(state, At(3), LaneStatistics.Empty).Status);
    }
}
