namespace SlaMonitor.Server.Reports;

/// <summary>An escalation as the summary reads it, with its promise's status now (null when the promise is gone).</summary>
public sealed record SummaryEscalation(
    string Customer, string TicketRef, DateTime OpenedAt, DateTime? AcknowledgedAt, string ReasonKey, string Site, string? PromiseStatus);
