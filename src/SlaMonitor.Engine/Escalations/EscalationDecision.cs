using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// What to do with an escalation now: its (possibly raised) level, whom to notify now (null: nobody),
/// the next instant the answer changes without an event (null: never), and the re-notification count.
/// </summary>
public sealed record EscalationDecision(int Level, string? Notify, Instant? NextWakeAt, int RenotifyCount);
