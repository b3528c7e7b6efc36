namespace SlaMonitor.Engine;

/// <summary>The level that carries the most weight in a pooled estimate: a lane level and its promises, or the default prior.</summary>
public readonly record struct EstimateSource(LaneKey? Level, int Promises)
{
    public static EstimateSource DefaultPrior => new(null, 0);

    /// <summary>"from 412 promises on FASTLANE EU→EU" or "from the default prior".</summary>
    public override string ToString() => Level is { } level
        ? $"from {Promises} promise{(Promises == 1 ? string.Empty : "s")} on {level.Describe()}"
        : "from the default prior";
}
