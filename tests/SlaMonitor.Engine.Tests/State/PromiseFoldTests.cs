using NodaTime;

namespace SlaMonitor.Engine.Tests.State;

public class PromiseFoldTests
{
    private static readonly SiteCalendar Berlin24x7 = Sites.Named("24x7", "Europe/Berlin");
    private static readonly Instant Opened = Sites.Local("Europe/Berlin", "2026-11-23T09:00");

    private static PromiseState Open(SlaPolicy policy, SiteCalendar? calendar = null) =>
        PromiseState.Open(Opened, policy, calendar ?? Berlin24x7, Events.Lane);

    private static Instant At(double hours) => Opened + Sites.Hours(hours);

    [Fact]
    public void Applying_the_same_event_id_twice_returns_the_same_state()
    {
        var state = Open(Policies.Elapsed(4)).Apply(Events.Shipment("PICKED_UP", At(1), id: "e1"));

        Assert.Same(state, state.Apply(Events.Shipment("PICKED_UP", At(1), id: "e1")));
    }

    [Fact]
    public void Events_are_folded_in_occurred_at_order_not_arrival_order()
    {
        var delivered = Events.Shipment("DELIVERED", At(3));
        var pickedUp = Events.Shipment("PICKED_UP", At(1));

        var state = Open(Policies.Elapsed(4)).Apply(delivered).Apply(pickedUp);

        Assert.Equal(At(3), state.ClosedAt);
        Assert.True(state.IsMet);
    }

    [Fact]
    public void A_customer_hold_moves_an_elapsed_deadline_by_its_length()
    {
        var state = PromiseFold.From(Opened, Policies.Elapsed(4), Berlin24x7, Events.Lane,
            [Events.Repair("CUSTOMER_HOLD_STARTED", At(1)), Events.Repair("CUSTOMER_HOLD_ENDED", At(2.5))]);

        Assert.Equal(At(5.5), state.Deadline);
        Assert.Equal(Sites.Hours(1.5), state.PausedTime.Customer);
    }

    [Fact]
    public void A_pause_on_the_business_clock_moves_the_deadline_by_business_time_only()
    {
        var office = Sites.Office("Europe/Berlin");
        var friday = Sites.Local(office, "2026-11-27T16:00");
        var state = PromiseFold.From(friday, Policies.Business(4), office, Events.Lane,
        [
            Events.Repair("CUSTOMER_HOLD_STARTED", friday + Duration.FromMinutes(30)),
            Events.Repair("CUSTOMER_HOLD_ENDED", Sites.Local(office, "2026-11-30T09:00")),
        ]);

        // 4 business hours from Fri 16:00 end Mon 11:00; the hold took 16:30-17:00 and 08:00-09:00 of business time,
        // so the deadline moves 1h30 of business time past the 12:00-13:00 lunch break.
        Assert.Equal("2026-11-30T13:30+01:00", Sites.AtSite(office, state.Deadline));
        Assert.Equal(Sites.Hours(1.5), state.PausedTime.Customer);
    }

    [Fact]
    public void Overlapping_customer_and_customs_holds_stop_the_clock_once()
    {
        var state = PromiseFold.From(Opened, Policies.Elapsed(4, PauseKinds.CustomerHold | PauseKinds.CustomsHold), Berlin24x7, Events.Lane,
        [
            Events.Repair("CUSTOMER_HOLD_STARTED", At(1)),
            Events.Customs("HELD", At(1.5)),
            Events.Repair("CUSTOMER_HOLD_ENDED", At(2)),
            Events.Customs("RELEASED", At(3)),
        ]);

        Assert.Equal(At(6), state.Deadline);
        Assert.Equal(Sites.Hours(1), state.PausedTime.Customer);
        Assert.Equal(Sites.Hours(1), state.PausedTime.Customs);
    }

    [Fact]
    public void A_pause_reported_late_moves_the_deadline_retroactively()
    {
        var state = Open(Policies.Elapsed(4)).Apply(Events.Shipment("DELIVERED", At(5)));
        Assert.False(state.IsMet);

        var withLateHold = state.Apply([Events.Repair("CUSTOMER_HOLD_STARTED", At(1)), Events.Repair("CUSTOMER_HOLD_ENDED", At(3))]);

        Assert.True(withLateHold.IsMet);
        Assert.Equal(At(6), withLateHold.Deadline);
    }

    [Fact]
    public void A_customs_hold_does_not_pause_when_the_policy_counts_customs_time()
    {
        var state = Open(Policies.Elapsed(4, PauseKinds.CustomerHold))
            .Apply([Events.Customs("HELD", At(1)), Events.Customs("RELEASED", At(3))]);

        Assert.Equal(At(4), state.Deadline);
        Assert.Equal(Duration.Zero, state.PausedTime.Total);
    }

    [Fact]
    public void Paused_time_is_blamed_on_the_reason_prefix_when_the_event_gives_one()
    {
        var state = Open(Policies.Elapsed(4)).Apply(
        [
            Events.Repair("CUSTOMER_HOLD_STARTED", At(1), reason: "WEATHER_STORM"),
            Events.Repair("CUSTOMER_HOLD_ENDED", At(2)),
        ]);

        Assert.Equal(Sites.Hours(1), state.PausedTime.Weather);
        Assert.Equal(Duration.Zero, state.PausedTime.Customer);
    }

    [Fact]
    public void A_hold_that_starts_after_the_deadline_does_not_rescue_a_breached_promise()
    {
        var state = Open(Policies.Elapsed(4)).Apply(
        [
            Events.Repair("CUSTOMER_HOLD_STARTED", At(5)),
            Events.Repair("CUSTOMER_HOLD_ENDED", At(7)),
        ]);

        Assert.Equal(At(4), state.Deadline);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(0.999, true)]
    [InlineData(1, false)]
    public void Fulfilment_is_met_up_to_the_end_of_the_deadline_second(double secondsAfterDeadline, bool met)
    {
        var state = Open(Policies.Elapsed(4)).Apply(Events.Shipment("DELIVERED", At(4) + Duration.FromSeconds(secondsAfterDeadline)));

        Assert.Equal(met, state.IsMet);
    }

    [Fact]
    public void Events_after_the_fulfilling_milestone_change_nothing()
    {
        var delivered = Open(Policies.Elapsed(4)).Apply(Events.Shipment("DELIVERED", At(3)));

        var later = delivered.Apply([Events.Repair("CUSTOMER_HOLD_STARTED", At(3.5)), Events.Shipment("CANCELLED", At(3.6))]);

        Assert.Equal(delivered.ClosedAt, later.ClosedAt);
        Assert.False(later.IsCancelled);
        Assert.Equal(delivered.Deadline, later.Deadline);
    }

    [Fact]
    public void The_policy_version_frozen_at_opening_stays_with_the_promise()
    {
        var v1 = Policies.Elapsed(4);
        var state = Open(v1).Apply(Events.Shipment("PICKED_UP", At(1)));

        var rejudged = state.WithPolicy(v1 with { Version = 2, Target = SlaTarget.Within("PT8H") });

        Assert.Equal(1, state.Policy.Version);
        Assert.Equal(At(4), state.Deadline);
        Assert.Equal(At(8), rejudged.Deadline);
    }
}
