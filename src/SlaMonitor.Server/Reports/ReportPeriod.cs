namespace SlaMonitor.Server.Reports;

/// <summary>The time unit a report groups by, in the report's time zone; <see cref="None"/> for the whole range.</summary>
public enum ReportPeriod
{
    None,
    Day,
    Week,
    Month,
}
