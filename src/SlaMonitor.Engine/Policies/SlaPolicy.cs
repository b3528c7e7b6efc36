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
    /// <summary>AT_RISK when the predicted probability of finishing late reaches this value. Chosen by the replay tool's
    /// threshold rule on the Olist validate split only (docs/prediction.md, tools/SlaMonitor.Replay/olist.sh); the test
    /// split's figures are measured with it.</summary>
    public const double DefaultProbabilityThreshold = 0.82;

    public IReadOnlyList<EscalationStep> EscalationLadder => Escalation ?? [];
}
