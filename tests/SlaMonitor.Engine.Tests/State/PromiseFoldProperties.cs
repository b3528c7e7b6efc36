using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace SlaMonitor.Engine.Tests.State;

public class PromiseFoldProperties
{
    private static readonly SiteCalendar Office = Sites.Office("Europe/Berlin");
    private static readonly Instant Opened = Sites.Local("Europe/Berlin", "2026-11-20T10:00");
    private static readonly LaneStatistics Lanes = SyntheticLanes.Build();

    private static readonly (EventKind Kind, string Code)[] Vocabulary =
    [
        (EventKind.Shipment, "PICKED_UP"), (EventKind.Shipment, "IN_TRANSIT"), (EventKind.Shipment, "ARRIVED_AT_HUB"),
        (EventKind.Shipment, "OUT_FOR_DELIVERY"), (EventKind.Customs, "HELD"), (EventKind.Customs, "RELEASED"),
        (EventKind.Repair, "CUSTOMER_HOLD_STARTED"), (EventKind.Repair, "CUSTOMER_HOLD_ENDED"),
        (EventKind.Shipment, "DELIVERED"), (EventKind.Repair, "CANCELLED"),
    ];

    private static readonly string?[] Reasons = [null, "CARRIER_DELAY", "WEATHER_STORM", "CUSTOMS_INSPECTION", "OTHER_X"];

    private static readonly SlaPolicy[] PolicyChoices =
    [
        Policies.Elapsed(8, PauseKinds.CustomerHold | PauseKinds.CustomsHold),
        Policies.Business(8, PauseKinds.CustomerHold | PauseKinds.CustomsHold),
        Policies.NextBusinessDay("17:00", "15:00"),
    ];

    private static Gen<PromiseEvent[]> EventSets() =>
        from count in Gen.Choose(0, 12)
        from picks in Gen.ArrayOf(
            from code in Gen.Choose(0, Vocabulary.Length - 1)
            from minute in Gen.Choose(-30, 72 * 60)
            from reason in Gen.Elements(Reasons)
            select (code, minute, reason), count)
        select picks.Select((p, i) => new PromiseEvent(
            "C" + (i % 2), "e" + i, Vocabulary[p.code].Kind, Vocabulary[p.code].Code,
            Opened + Duration.FromMinutes(p.minute), p.reason, "DE-FRA")).ToArray();

    private static object Snapshot(PromiseState state, Instant now)
    {
        var e = SlaEvaluator.Evaluate(state, now, Lanes);
        return (e.Status, e.Deadline, e.TimeToBreach, e.PausedTime, e.Risks, e.NextChangeAt, e.ProbabilityLate, e.PredictedCompletion);
    }

    [Property(MaxTest = 300)]
    public Property Any_permutation_of_the_same_events_gives_the_same_evaluation()
    {
        var cases =
            from events in EventSets()
            from seed in Gen.Choose(0, int.MaxValue)
            from policy in Gen.Elements(PolicyChoices)
            from nowMinute in Gen.Choose(0, 96 * 60)
            select (events, seed, policy, nowMinute);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var now = Opened + Duration.FromMinutes(c.nowMinute);
            var shuffled = c.events.ToArray();
            new Random(c.seed).Shuffle(shuffled);
            var inOrder = PromiseFold.From(Opened, c.policy, Office, Events.Lane, c.events);
            var oneByOne = shuffled.Aggregate(PromiseState.Open(Opened, c.policy, Office, Events.Lane), PromiseFold.Apply);

            return Snapshot(inOrder, now).Equals(Snapshot(oneByOne, now));
        });
    }

    [Property(MaxTest = 300)]
    public Property Applying_any_event_twice_changes_nothing()
    {
        var cases =
            from events in EventSets().Where(e => e.Length > 0)
            from index in Gen.Choose(0, 1000)
            from policy in Gen.Elements(PolicyChoices)
            select (events, index, policy);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var state = PromiseFold.From(Opened, c.policy, Office, Events.Lane, c.events);
            var again = c.events[c.index % c.events.Length];
            var now = Opened + Duration.FromHours(30);

            var twice = state.Apply(again);

            return ReferenceEquals(state, twice) && Snapshot(state, now).Equals(Snapshot(twice, now));
        });
    }

    [Property(MaxTest = 300)]
    public Property A_pause_never_shortens_a_deadline()
    {
        // The other events may hold customs (which can overlap the added hold) but no customer hold of their own:
        // customer holds do not nest, so an added CUSTOMER_HOLD_ENDED would end theirs rather than add a pause.
        var cases =
            from events in EventSets().Select(e => e.Where(x => !x.Code.StartsWith("CUSTOMER_HOLD", StringComparison.Ordinal)).ToArray())
            from policy in Gen.Elements(PolicyChoices)
            from start in Gen.Choose(-60, 72 * 60)
            from length in Gen.Choose(0, 48 * 60)
            select (events, policy, start, length);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var without = PromiseFold.From(Opened, c.policy, Office, Events.Lane, c.events);
            var holdStart = Opened + Duration.FromMinutes(c.start);
            var with = without.Apply(
            [
                new PromiseEvent("FSP", "hold-start", EventKind.Repair, "CUSTOMER_HOLD_STARTED", holdStart),
                new PromiseEvent("FSP", "hold-end", EventKind.Repair, "CUSTOMER_HOLD_ENDED", holdStart + Duration.FromMinutes(c.length)),
            ]);
            var now = Opened + Duration.FromHours(120);

            return SlaEvaluator.Evaluate(with, now, Lanes).Deadline.ToInstant()
                >= SlaEvaluator.Evaluate(without, now, Lanes).Deadline.ToInstant();
        });
    }
}
