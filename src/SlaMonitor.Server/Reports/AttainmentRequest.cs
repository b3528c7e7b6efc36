namespace SlaMonitor.Server.Reports;

/// <summary>An attainment report: promises closed in the range, grouped by the dimensions (in this order) and the period.</summary>
public sealed record AttainmentRequest(ReportRange Range, IReadOnlyList<string> Dimensions, ReportPeriod Period, AttainmentFilter Filter);
