namespace SlaMonitor.Server.Escalations;

/// <summary>
/// An escalation as the board shows it; times in UTC (ISO 8601), durations ISO 8601 (PT12M). <see cref="SilencedUntil"/>:
/// the end of the silence in force that covers it, if any.
/// </summary>
public sealed record EscalationView(
    Guid Id, string TicketRef, string Customer, string Site, string? Carrier, string Region, string ReasonKey,
    IReadOnlyList<string> Reasons, string PromiseStatus, int Level, string State, DateTimeOffset OpenedAt, DateTimeOffset Deadline,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgeNote, string? TimeToAcknowledge,
    string? AssignedTo, DateTimeOffset? ResolvedAt, string? Outcome, DateTimeOffset? NextNotifyAt, int NotifyAttempts,
    Guid? IncidentId, int PolicyVersion, string? AlertState, DateTimeOffset? SilencedUntil);
