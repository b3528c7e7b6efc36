using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// The fold itself: sorted events in, facts out. Events dated before the opening count from the opening. Corrections
/// take part: a voided event is skipped, a closing event dated at or before a reopen is skipped, and a hand close
/// closes at its instant unless an event closed the promise earlier.
/// </summary>
internal static class EventFold
{
    public static FoldFacts Fold(PromiseState promise, ReadOnlySpan<FoldedEvent> events)
    {
        var fulfilling = Signals.FromMilestone(promise.Policy.FulfilledBy);
        var pausesOnCustomer = (promise.Policy.PauseOn & PauseKinds.CustomerHold) != 0;
        var pausesOnCustoms = (promise.Policy.PauseOn & PauseKinds.CustomsHold) != 0;
        var stage = PromiseStage.AwaitingPickup;
        var stageEnteredAt = promise.OpenedAt;
        var lastScanAt = promise.OpenedAt;
        Instant? closedAt = null;
        var cancelled = false;
        Instant? estimatedArrival = null;
        string? holdLocation = null;
        var holds = new HoldTracker();
        var corrections = promise.CorrectionFacts;
        var closedByHand = corrections.ClosedAt is { } hand ? Instant.Max(hand, promise.OpenedAt) : (Instant?)null;

        foreach (var e in events)
        {
            var at = Instant.Max(e.OccurredAt, promise.OpenedAt);
            var closes = e.Signal == fulfilling || e.Signal == Signal.Cancelled;
            if (corrections.Voided.Contains(e.Identity) || (closes && at <= corrections.ReopenedAt))
            {
                continue;
            }

            if (closedByHand is { } closing && closing < at)
            {
                break;
            }

            if (e.IsScan)
            {
                lastScanAt = at;
            }

            if (e.EstimatedArrivalTicks != FoldedEvent.NoEstimate)
            {
                estimatedArrival = Instant.FromUnixTimeTicks(e.EstimatedArrivalTicks);
            }

            if (closes)
            {
                closedAt = at;
                cancelled = e.Signal == Signal.Cancelled;
                holds.EndAll(at);
                break;
            }

            switch (e.Signal)
            {
                case Signal.CustomerHoldStarted when pausesOnCustomer:
                    holds.StartCustomer(at, e.Blame == BlameCategory.None ? BlameCategory.Customer : e.Blame);
                    break;
                case Signal.CustomerHoldEnded:
                    holds.EndCustomer(at);
                    break;
                case Signal.CustomsHeld:
                    holdLocation = e.LocationCode ?? holdLocation;
                    if (pausesOnCustoms)
                    {
                        holds.StartCustoms(at, e.Blame == BlameCategory.None ? BlameCategory.Customs : e.Blame);
                    }

                    break;
                case Signal.CustomsReleased:
                    holds.EndCustoms(at);
                    break;
            }

            if (Signals.Stage(e.Signal) is { } next && next != stage)
            {
                stage = next;
                stageEnteredAt = at;
            }
        }

        if (closedAt is null && closedByHand is { } byHand)
        {
            closedAt = byHand;
            holds.EndAll(byHand);
        }

        return new FoldFacts(stage, stageEnteredAt, lastScanAt, closedAt, cancelled, estimatedArrival, holdLocation, holds.Segments());
    }

    /// <summary>
    /// Moves the deadline by each finished pause in turn. A pause that begins at or after the (moved) deadline
    /// does not count: a promise already breached is not rescued by a later hold.
    /// </summary>
    public static (Instant Deadline, BlameDurations Paused, PauseSegment? OpenPause) ApplyPauses(PromiseState promise, PauseSegment[] pauses)
    {
        var deadline = promise.UnpausedDeadline;
        var paused = BlameDurations.Zero;
        foreach (var pause in pauses)
        {
            if (pause.Start >= deadline)
            {
                break;
            }

            if (pause.End is not { } end)
            {
                return (deadline, paused, pause);
            }

            var length = Deadlines.Measure(pause.Start, end, promise.Policy.Clock, promise.Calendar);
            deadline = Deadlines.Extend(deadline, length, promise.Policy.Clock, promise.Calendar);
            paused = paused.Add(pause.Blame, length);
        }

        return (deadline, paused, null);
    }
}
