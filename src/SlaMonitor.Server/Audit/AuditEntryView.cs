using System.Text.Json;

namespace SlaMonitor.Server.Audit;

/// <summary>One audit entry as the API shows it; <c>before</c> and <c>after</c> are the redacted snapshots.</summary>
public sealed record AuditEntryView(
    long Id, DateTimeOffset At, string Actor, string Entity, string Key, string Action, JsonElement? Before, JsonElement? After);
