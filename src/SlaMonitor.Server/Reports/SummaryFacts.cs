namespace SlaMonitor.Server.Reports;

/// <summary>
/// What a customer's score is made of, over one period: promises closed met and missed; escalations opened, how many of
/// their promises have finished (met or missed) and how many of those on time (breaches prevented); how many were
/// acknowledged and the median time to do so; promises past their deadline and still open at the period's end.
/// </summary>
public sealed record SummaryFacts(
    int Met, int Missed, int Escalations, int Settled, int Prevented, int Acknowledged, TimeSpan? MedianTimeToAcknowledge, int OpenBreaches);
