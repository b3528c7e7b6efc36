using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>Where an open escalation stands: its level, when it opened, whether someone acknowledged it,
/// and how often its current level has been re-notified.</summary>
public sealed record EscalationProgress(int Level, Instant OpenedAt, bool Acknowledged, int RenotifyCount, Instant? LastNotifiedAt);
