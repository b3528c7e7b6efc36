namespace SlaMonitor.Server.Reports;

/// <summary>The attainment report as JSON: its range (instants in the report's zone), zone, grouping and rows.</summary>
public sealed record AttainmentReport(DateTimeOffset From, DateTimeOffset To, string TimeZone, IReadOnlyList<string> GroupBy, IReadOnlyList<AttainmentRow> Rows);
