namespace SlaMonitor.Server.Reports;

/// <summary>The carrier scorecards as JSON: the range and the previous period it is compared with (instants in the report's zone), and a row per carrier.</summary>
public sealed record CarrierScorecardReport(
    DateTimeOffset From, DateTimeOffset To, string TimeZone, DateTimeOffset PreviousFrom, DateTimeOffset PreviousTo, IReadOnlyList<CarrierScorecard> Rows);
