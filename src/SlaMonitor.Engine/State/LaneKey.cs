namespace SlaMonitor.Engine;

/// <summary>A lane: carrier, origin region, destination region, service level. "*" matches any (coarser lanes).</summary>
public readonly record struct LaneKey(string Carrier, string Origin, string Destination, string ServiceLevel)
{
    public const string Any = "*";

    public static LaneKey Global => new(Any, Any, Any, Any);

    /// <summary>This lane and the coarser lanes it falls back to, finest first, ending with the global prior.</summary>
    public LaneKey[] FallbackChain() =>
    [
        this,
        this with { ServiceLevel = Any },
        new(Any, Origin, Destination, Any),
        new(Any, Any, Destination, Any),
        Global,
    ];

    public override string ToString() => $"{Carrier}:{Origin}->{Destination}:{ServiceLevel}";
}
