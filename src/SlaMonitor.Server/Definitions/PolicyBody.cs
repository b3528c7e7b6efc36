using System.Text.Json;

namespace SlaMonitor.Server.Definitions;

/// <summary>
/// An SLA policy. <c>target</c> is an ISO duration ("PT4H") or a cut-off rule
/// <c>{ "nextBusinessDayBy": "17:00", "cutoff": "15:00", "days": 1 }</c>.
/// </summary>
public sealed record PolicyBody
{
    public string? Clock { get; init; }
    public JsonElement? Target { get; init; }
    public string? FulfilledBy { get; init; }
    public IReadOnlyList<string>? PauseOn { get; init; }
    public string? AtRiskMargin { get; init; }
    public double? ProbabilityThreshold { get; init; }
    public IReadOnlyList<EscalationStepBody>? Escalation { get; init; }
}
