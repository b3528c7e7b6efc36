using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>A versioned SLA policy; the version in force when a promise opens is frozen on the promise.</summary>
public sealed record SlaPolicy(
    string ServiceLevel,
    int Version,
    SlaClock Clock,
    SlaTarget Target,
    string FulfilledBy,
    PauseKinds PauseOn,
    Duration AtRiskMargin,
    double ProbabilityThreshold = SlaPolicy.DefaultProbabilityThreshold,
    IReadOnlyList<EscalationStep>? Escalation = null)
{
    /// <summary>AT_RISK when the predicted probability of finishing late reaches this value.
    /// Chosen on the Olist measurement (docs/prediction.md).</summary>
    public const double DefaultProbabilityThreshold = 0.74;

    public IReadOnlyList<EscalationStep> EscalationLadder => Escalation ?? [];
}
