using NodaTime;

namespace SlaMonitor.Engine.Tests.State;

/// <summary>Corrections made by hand are inputs of the fold: a later event keeps them, and they undo one another in order.</summary>
public class PromiseCorrectionTests
{
    private static readonly SiteCalendar Berlin24x7 = Sites.Named("24x7", "Europe/Berlin");
    private static readonly Instant Opened = Sites.Local("Europe/Berlin", "2026-11-23T09:00");

    private static Instant At(double hours) => Opened + Sites.Hours(hours);

    private static PromiseState Fold(IReadOnlyList<PromiseCorrection> corrections, params PromiseEvent[] events) =>
        PromiseFold.From(Opened, Policies.Elapsed(4), Berlin24x7, Events.Lane, events, corrections: corrections);

    [Fact]
    public void A_voided_delivery_does_not_close_the_promise_and_a_later_event_keeps_it_void()
    {
        var wrongDelivery = Events.Shipment("DELIVERED", At(1), id: "wrong");
        var state = Fold([PromiseCorrection.Void("UPS", "wrong", At(1.5))], wrongDelivery);
        var later = state.Apply(Events.Shipment("IN_TRANSIT", At(2)));

        Assert.Null(state.ClosedAt);
        Assert.Null(later.ClosedAt);
        Assert.Equal(PromiseStage.InTransit, later.Stage);
        Assert.Equal(2, later.EventCount);
    }

    [Fact]
    public void A_voided_hold_no_longer_moves_the_deadline()
    {
        var state = Fold([PromiseCorrection.Void("FSP", "hold-start", At(3))],
            Events.Repair("CUSTOMER_HOLD_STARTED", At(1), id: "hold-start"), Events.Repair("CUSTOMER_HOLD_ENDED", At(2)));

        Assert.Equal(At(4), state.Deadline);
        Assert.Equal(Duration.Zero, state.PausedTime.Total);
    }

    [Fact]
    public void A_close_by_hand_closes_at_its_instant_met_within_the_deadline_and_missed_after_it()
    {
        var met = Fold([PromiseCorrection.Close(At(3), At(5))], Events.Shipment("PICKED_UP", At(1)));
        var missed = Fold([PromiseCorrection.Close(At(4.5), At(5))]);

        Assert.Equal((At(3), true), (met.ClosedAt, met.IsMet));
        Assert.Equal((At(4.5), false), (missed.ClosedAt, missed.IsMet));
        Assert.False(missed.IsCancelled);
    }

    [Fact]
    public void An_event_that_closed_earlier_than_the_hand_close_stands()
    {
        var state = Fold([PromiseCorrection.Close(At(3), At(5))], Events.Shipment("DELIVERED", At(2)));

        Assert.Equal(At(2), state.ClosedAt);
    }

    [Fact]
    public void A_reopen_ignores_closings_dated_before_it_but_a_later_delivery_closes_again()
    {
        var reopen = PromiseCorrection.Reopen(At(2));
        var reopened = Fold([reopen], Events.Shipment("DELIVERED", At(1)));
        var deliveredAgain = reopened.Apply(Events.Shipment("DELIVERED", At(3), id: "real"));

        Assert.Null(reopened.ClosedAt);
        Assert.Equal(At(3), deliveredAgain.ClosedAt);
    }

    [Fact]
    public void A_reopen_undoes_an_earlier_close_by_hand_and_a_close_made_after_it_closes_again()
    {
        var closed = PromiseCorrection.Close(At(1), At(1));
        var reopened = Fold([closed, PromiseCorrection.Reopen(At(2))]);
        var closedAgain = Fold([closed, PromiseCorrection.Reopen(At(2)), PromiseCorrection.Close(At(2.5), At(2.5))]);

        Assert.Null(reopened.ClosedAt);
        Assert.Equal(At(2.5), closedAgain.ClosedAt);
    }

    [Fact]
    public void A_moved_deadline_replaces_the_target_pauses_still_move_it_and_the_latest_move_wins()
    {
        var moved = Fold([PromiseCorrection.MoveDeadline(At(6), At(1)), PromiseCorrection.MoveDeadline(At(8), At(2))],
            Events.Repair("CUSTOMER_HOLD_STARTED", At(1)), Events.Repair("CUSTOMER_HOLD_ENDED", At(2)));

        Assert.True(moved.IsDeadlineMoved);
        Assert.Equal(At(8), moved.UnpausedDeadline);
        Assert.Equal(At(9), moved.Deadline);
        Assert.Equal(At(8), moved.WithPolicy(Policies.Elapsed(2)).UnpausedDeadline);
    }

    [Fact]
    public void Corrections_survive_applying_another_event()
    {
        var state = Fold([PromiseCorrection.MoveDeadline(At(8), At(1))]).Apply(Events.Shipment("PICKED_UP", At(1)));

        Assert.Equal(At(8), state.Deadline);
        Assert.Single(state.Corrections);
    }
}
