namespace SlaMonitor.Server.Escalations;

/// <summary>Alert lead time (opened → deadline), time to acknowledge, breaches prevented (resolved with the promise MET).</summary>
public sealed record EscalationMetricsView(
    int Opened, int Acknowledged, int Resolved, int BreachesPrevented, int Missed,
    string? MedianLeadTime, string? MedianTimeToAcknowledge);
