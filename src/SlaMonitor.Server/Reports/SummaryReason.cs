namespace SlaMonitor.Server.Reports;

/// <summary>A common reason promises were escalated, in words at a site, e.g. "customs hold at DE-FRA (4 promises)".</summary>
public sealed record SummaryReason(string Reason, string Site, int Promises, string Text);
