namespace SlaMonitor.Server.Promises;

/// <summary>
/// A correction as the promise page shows it: what (<c>void</c>, <c>close</c>, <c>reopen</c>, <c>moveDeadline</c>),
/// the voided event or the instant given (closing time, new deadline), why, who and when.
/// </summary>
public sealed record CorrectionView(
    string Action, string? Carrier, string? EventId, DateTimeOffset? At, string Reason, string By, DateTimeOffset MadeAt);
