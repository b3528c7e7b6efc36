using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// The folded state of one promise: a pure function of its opening and of the set of its events, folded in
/// occurredAt order (ties by event identity). Immutable: <see cref="Apply(PromiseEvent)"/> returns a new state,
/// or this very instance when the event was already applied.
/// </summary>
public sealed class PromiseState
{
    private readonly FoldedEvent[] _events;
    private RiskPlan? _plan;

    private PromiseState(
        Instant openedAt, SlaPolicy policy, SiteCalendar calendar, LaneKey lane, Instant unpausedDeadline, Duration budget, bool isDeadlinePromised,
        FoldedEvent[] events, IReadOnlyList<PromiseCorrection> corrections, CorrectionFacts correctionFacts)
    {
        OpenedAt = openedAt;
        Corrections = corrections;
        CorrectionFacts = correctionFacts;
        IsDeadlinePromised = isDeadlinePromised;
        Budget = budget;
        Policy = policy;
        Calendar = calendar;
        Lane = lane;
        UnpausedDeadline = unpausedDeadline;
        _events = events;
        var facts = EventFold.Fold(this, events);
        Stage = facts.Stage;
        StageEnteredAt = facts.StageEnteredAt;
        LastScanAt = facts.LastScanAt;
        ClosedAt = facts.ClosedAt;
        IsCancelled = facts.IsCancelled;
        EstimatedArrival = facts.EstimatedArrival;
        HoldLocation = facts.HoldLocation;
        Pauses = facts.Pauses;
        (Deadline, PausedTime, CountingOpenPause) = EventFold.ApplyPauses(this, facts.Pauses);
    }

    public Instant OpenedAt { get; }

    /// <summary>The policy version frozen on the promise when it opened.</summary>
    public SlaPolicy Policy { get; }

    public SiteCalendar Calendar { get; }

    public LaneKey Lane { get; }

    public Instant UnpausedDeadline { get; }

    /// <summary>Opening to unpaused deadline on the policy's clock (at least one second): lane statistics are shares of it.</summary>
    public Duration Budget { get; }

    /// <summary>True when the deadline was given explicitly at opening rather than computed from the policy's target.</summary>
    public bool IsDeadlinePromised { get; }

    /// <summary>Deadline moved by every finished pause that began before it; an open pause moves it further at evaluation.</summary>
    public Instant Deadline { get; }

    /// <summary>Finished paused time that stopped the clock, by blame, on the policy's clock.</summary>
    public BlameDurations PausedTime { get; }

    /// <summary>The pause still running, when it began before the deadline (so it stops the clock).</summary>
    public PauseSegment? CountingOpenPause { get; }

    public IReadOnlyList<PauseSegment> Pauses { get; }

    public PromiseStage Stage { get; }

    public Instant StageEnteredAt { get; }

    /// <summary>Latest shipment or customs scan (the opening instant before the first one).</summary>
    public Instant LastScanAt { get; }

    public Instant? ClosedAt { get; }

    public bool IsCancelled { get; }

    public bool IsClosed => ClosedAt.HasValue;

    /// <summary>MET/MISSED to the second: a fulfilment within the deadline's second is on time.</summary>
    public bool IsMet => ClosedAt is { } closedAt && !IsCancelled && WholeSeconds(closedAt) <= WholeSeconds(Deadline);

    public Instant? EstimatedArrival { get; }

    public string? HoldLocation { get; }

    public int EventCount => _events.Length;

    /// <summary>The corrections made by hand, in the order they were made; they stay through every later event.</summary>
    public IReadOnlyList<PromiseCorrection> Corrections { get; }

    /// <summary>True when a correction moved the deadline by hand.</summary>
    public bool IsDeadlineMoved => CorrectionFacts.MovedDeadline.HasValue;

    internal CorrectionFacts CorrectionFacts { get; }

    internal ReadOnlySpan<FoldedEvent> Events => _events;

    /// <summary>
    /// A promise with no events yet. <paramref name="promisedDeadline"/>, when given, replaces the policy's target; a
    /// deadline moved by one of <paramref name="corrections"/> replaces both.
    /// </summary>
    public static PromiseState Open(
        Instant openedAt, SlaPolicy policy, SiteCalendar calendar, LaneKey lane, Instant? promisedDeadline = null, IReadOnlyList<PromiseCorrection>? corrections = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        _ = Signals.FromMilestone(policy.FulfilledBy);
        var facts = CorrectionFacts.Of(corrections);
        var deadline = facts.MovedDeadline ?? promisedDeadline ?? Deadlines.Compute(policy, calendar, openedAt);
        return new PromiseState(
            openedAt, policy, calendar, lane, deadline, BudgetOf(openedAt, deadline, policy, calendar), promisedDeadline.HasValue, [], corrections ?? [], facts);
    }

    /// <summary>Applies one event; a duplicate (same carrier and event id) returns this same instance. A voided event is kept but not applied.</summary>
    public PromiseState Apply(PromiseEvent promiseEvent)
    {
        ArgumentNullException.ThrowIfNull(promiseEvent);
        var folded = FoldedEvent.From(promiseEvent);
        if (Contains(folded.Identity))
        {
            return this;
        }

        var position = InsertionPoint(folded);
        var events = new FoldedEvent[_events.Length + 1];
        _events.AsSpan(0, position).CopyTo(events);
        events[position] = folded;
        _events.AsSpan(position).CopyTo(events.AsSpan(position + 1));
        return new PromiseState(OpenedAt, Policy, Calendar, Lane, UnpausedDeadline, Budget, IsDeadlinePromised, events, Corrections, CorrectionFacts);
    }

    /// <summary>Applies a batch with one re-fold; duplicates within the batch or of earlier events are dropped.</summary>
    public PromiseState Apply(IEnumerable<PromiseEvent> promiseEvents)
    {
        ArgumentNullException.ThrowIfNull(promiseEvents);
        var seen = new HashSet<ulong>(_events.Select(e => e.Identity));
        var events = new List<FoldedEvent>(_events);
        foreach (var e in promiseEvents)
        {
            var folded = FoldedEvent.From(e);
            if (seen.Add(folded.Identity))
            {
                events.Add(folded);
            }
        }

        if (events.Count == _events.Length)
        {
            return this;
        }

        var sorted = events.ToArray();
        Array.Sort(sorted, FoldedEvent.Compare);
        return new PromiseState(OpenedAt, Policy, Calendar, Lane, UnpausedDeadline, Budget, IsDeadlinePromised, sorted, Corrections, CorrectionFacts);
    }

    /// <summary>The same events judged by another policy (used by the policy-change preview); a promised or moved deadline stays.</summary>
    public PromiseState WithPolicy(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _ = Signals.FromMilestone(policy.FulfilledBy);
        var deadline = IsDeadlinePromised || IsDeadlineMoved ? UnpausedDeadline : Deadlines.Compute(policy, Calendar, OpenedAt);
        return new PromiseState(
            OpenedAt, policy, Calendar, Lane, deadline, BudgetOf(OpenedAt, deadline, policy, Calendar), IsDeadlinePromised, _events, Corrections, CorrectionFacts);
    }

    public bool Contains(string carrierCode, string eventId) => Contains(EventIdentity.Of(carrierCode, eventId));

    /// <summary>The risk plan for these statistics, computed on first use and kept: re-evaluation then allocates nothing.
    /// A race computes the same plan twice, which is harmless.</summary>
    internal RiskPlan PlanFor(LaneStatistics statistics)
    {
        var plan = _plan;
        if (plan is null || !ReferenceEquals(plan.Statistics, statistics))
        {
            plan = RiskPlan.For(this, statistics);
            _plan = plan;
        }

        return plan;
    }

    private static Duration BudgetOf(Instant openedAt, Instant deadline, SlaPolicy policy, SiteCalendar calendar) =>
        Duration.Max(Duration.FromSeconds(1), Deadlines.Measure(openedAt, deadline, policy.Clock, calendar));

    private static long WholeSeconds(Instant instant) => instant.ToUnixTimeSeconds();

    private bool Contains(ulong identity)
    {
        foreach (var e in _events)
        {
            if (e.Identity == identity)
            {
                return true;
            }
        }

        return false;
    }

    private int InsertionPoint(FoldedEvent folded)
    {
        var position = _events.Length;
        while (position > 0 && FoldedEvent.Compare(_events[position - 1], folded) > 0)
        {
            position--;
        }

        return position;
    }
}
