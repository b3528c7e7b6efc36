namespace SlaMonitor.Server.Reports;

/// <summary>
/// The executive summary over [From, To) (instants in the report's zone) against [PreviousFrom, From): a score per
/// customer with the formula, the worst lanes by attainment (at least MinLaneVolume met + missed) and the most common
/// reasons for escalations. Open breaches are counted at OpenBreachesAt: To, or the moment of the request if earlier.
/// </summary>
public sealed record SummaryReport(
    DateTimeOffset From, DateTimeOffset To, string TimeZone, DateTimeOffset PreviousFrom, DateTimeOffset OpenBreachesAt,
    string Formula, string AcknowledgeTarget, int MinLaneVolume,
    IReadOnlyList<SummaryRow> Customers, IReadOnlyList<SummaryLane> WorstLanes, IReadOnlyList<SummaryReason> TopReasons);
