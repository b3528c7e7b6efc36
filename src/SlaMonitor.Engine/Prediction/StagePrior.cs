namespace SlaMonitor.Engine;

/// <summary>
/// The default belief about T (the budget share from entering a stage to fulfilment) before any history: a
/// log-logistic distribution, S(x) = 1 / (1 + (x / median)^shape). It is what a fresh install predicts with and the
/// root every lane is shrunk toward. Parameters and their reasons: docs/prediction.md ("The default prior"); they are
/// set from first principles, not fitted to any data set.
/// </summary>
public sealed record StagePrior(double MedianShare, double Shape)
{
    /// <summary>One spread for every stage: with the pickup median at half the budget, 12 % of promises finish late,
    /// the cautious end of the on-time rates carriers and field-service desks aim for (88–97 %).</summary>
    public static readonly double CommonShape = Math.Log((1 / 0.12) - 1) / Math.Log(2);

    public static StagePrior For(PromiseStage stage) => stage switch
    {
        PromiseStage.AwaitingPickup => new(0.50, CommonShape),
        PromiseStage.InTransit => new(0.35, CommonShape),
        PromiseStage.CustomsHold => new(0.35, CommonShape),
        PromiseStage.OutForDelivery => new(0.10, CommonShape),
        PromiseStage.AwaitingTechnician => new(0.35, CommonShape),
        _ => new(0.10, CommonShape),
    };

    /// <summary>P(T &gt; share).</summary>
    public double Survival(double share) => share <= 0 ? 1.0 : 1.0 / (1.0 + Math.Pow(share / MedianShare, Shape));
}
