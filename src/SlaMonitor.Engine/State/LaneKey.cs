namespace SlaMonitor.Engine;

/// <summary>A lane: carrier, origin region, destination region, service level. "*" matches any (coarser lanes).</summary>
public readonly record struct LaneKey(string Carrier, string Origin, string Destination, string ServiceLevel)
{
    public const string Any = "*";

    public static LaneKey Global => new(Any, Any, Any, Any);

    /// <summary>This lane and the coarser lanes it is pooled with, finest first, ending with all lanes.</summary>
    public LaneKey[] FallbackChain()
    {
        var chain = new List<LaneKey>(5) { this };
        for (var level = Parent(); level is { } coarser; level = coarser.Parent())
        {
            chain.Add(coarser);
        }

        return [.. chain];
    }

    /// <summary>0 for a whole lane, 1 without service level, 2 without carrier, 3 destination only, 4 all lanes.</summary>
    public int Depth =>
        Carrier != Any ? (ServiceLevel != Any ? 0 : 1)
        : Origin != Any ? 2
        : Destination != Any ? 3
        : 4;

    /// <summary>The next coarser level this lane is shrunk toward; null for all lanes.</summary>
    public LaneKey? Parent() => Depth switch
    {
        0 => this with { ServiceLevel = Any },
        1 => new(Any, Origin, Destination, Any),
        2 => new(Any, Any, Destination, Any),
        3 => Global,
        _ => null,
    };

    /// <summary>The level in words, e.g. "FASTLANE EU→EU 4H-ONSITE", "EU→EU, all carriers", "all lanes into EU".</summary>
    public string Describe() => Depth switch
    {
        0 => $"{Carrier} {Route} {ServiceLevel}",
        1 => $"{Carrier} {Route}",
        2 => $"{Route}, all carriers",
        3 => $"all lanes into {Destination}",
        _ => "all lanes",
    };

    private string Route => $"{(Origin == Any ? "anywhere" : Origin)}→{Destination}";

    public override string ToString() => $"{Carrier}:{Origin}->{Destination}:{ServiceLevel}";
}
