using NodaTime;

namespace SlaMonitor.Engine.Tests.Olist;

/// <summary>
/// Trains lane statistics on the earlier half of the orders by purchase time, then replays the later half in virtual
/// time: every order is evaluated at its purchase, at its pickup and every hour, until it is delivered or its deadline
/// passes. Each evaluation sees only the events that occurred by then.
/// </summary>
public static class OlistReplay
{
    public const string Carrier = "olist";

    public static readonly SiteCalendar Calendar = SiteCalendar.AlwaysOpen(OlistDataset.Zone);

    private static readonly Duration Step = Duration.FromHours(1);

    public static SlaPolicy Policy(double probabilityThreshold, Duration atRiskMargin) =>
        new("OLIST-STANDARD", 1, SlaClock.Elapsed, SlaTarget.Within(Duration.FromDays(30)), Milestones.Delivered,
            PauseKinds.None, atRiskMargin, probabilityThreshold);

    public static LaneKey Lane(OlistOrder order) => new(Carrier, order.SellerState, order.CustomerState, "standard");

    public static PromiseState Opened(OlistOrder order, SlaPolicy policy) =>
        PromiseState.Open(order.Purchased, policy, Calendar, Lane(order), order.Deadline);

    public static PromiseEvent PickedUp(OlistOrder order) =>
        new(Carrier, order.OrderId + "/pickup", EventKind.Shipment, "PICKED_UP", order.PickedUp);

    public static PromiseEvent Delivered(OlistOrder order) =>
        new(Carrier, order.OrderId + "/delivered", EventKind.Shipment, "DELIVERED", order.Delivered);

    public static LaneStatistics Train(IEnumerable<OlistOrder> orders, SlaPolicy policy)
    {
        var builder = new LaneStatisticsBuilder();
        foreach (var order in orders)
        {
            builder.Add(Opened(order, policy).Apply([PickedUp(order), Delivered(order)]));
        }

        return builder.Build();
    }

    public static OlistScore Run(IReadOnlyList<OlistOrder> orders, SlaPolicy policy)
    {
        var half = orders.Count / 2;
        var statistics = Train(orders.Take(half), policy);
        var evaluated = orders.Skip(half).ToList();
        var late = 0;
        var flaggedLate = 0;
        var flaggedOnTime = 0;
        var leads = new List<Duration>();
        var calibration = new Calibration();
        foreach (var order in evaluated)
        {
            late += order.IsLate ? 1 : 0;
            foreach (var probability in Probabilities(order, policy, statistics))
            {
                calibration.Add(probability, order.IsLate);
            }

            if (FirstWarning(order, policy, statistics) is not { } warnedAt)
            {
                continue;
            }

            if (order.IsLate)
            {
                flaggedLate++;
                leads.Add(order.Deadline - warnedAt);
            }
            else
            {
                flaggedOnTime++;
            }
        }

        leads.Sort();
        var medianLead = leads.Count == 0 ? Duration.Zero : leads[leads.Count / 2];
        return new OlistScore(evaluated.Count, late, flaggedLate, flaggedOnTime, medianLead, calibration);
    }

    /// <summary>The probability late at each evaluation instant of <see cref="FirstWarning"/> while the order is open before its deadline.</summary>
    public static IEnumerable<double> Probabilities(OlistOrder order, SlaPolicy policy, LaneStatistics statistics)
    {
        var opened = Opened(order, policy);
        var pickedUp = opened.Apply(PickedUp(order));
        var end = Instant.Min(order.Delivered, order.Deadline);
        if (order.PickedUp < end)
        {
            yield return SlaEvaluator.Evaluate(pickedUp, order.PickedUp, statistics).ProbabilityLate;
        }

        for (var at = order.Purchased; at < end; at += Step)
        {
            yield return SlaEvaluator.Evaluate(at < order.PickedUp ? opened : pickedUp, at, statistics).ProbabilityLate;
        }
    }

    /// <summary>The first evaluation instant before the deadline (and before delivery) at which the order is AT_RISK.</summary>
    public static Instant? FirstWarning(OlistOrder order, SlaPolicy policy, LaneStatistics statistics)
    {
        var opened = Opened(order, policy);
        var pickedUp = opened.Apply(PickedUp(order));
        var end = Instant.Min(order.Delivered, order.Deadline);
        var pickupChecked = false;
        for (var at = order.Purchased; at < end; at += Step)
        {
            if (!pickupChecked && order.PickedUp <= at)
            {
                pickupChecked = true;
                if (order.PickedUp < end && IsAtRisk(pickedUp, order.PickedUp, statistics))
                {
                    return order.PickedUp;
                }
            }

            if (IsAtRisk(at < order.PickedUp ? opened : pickedUp, at, statistics))
            {
                return at;
            }
        }

        return null;
    }

    private static bool IsAtRisk(PromiseState state, Instant at, LaneStatistics statistics) =>
        SlaEvaluator.Evaluate(state, at, statistics).Status == PromiseStatus.AtRisk;
}
