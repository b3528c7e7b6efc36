namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// Every PUT of a policy adds a version; a promise keeps the version it opened under.
/// </summary>
public sealed class PolicyVersion
{
    public required string ServiceLevel { get; set; }
    public int Version { get; set; }

    /// <summary>The policy as validated JSON (clock, target, milestone, pauses, ladder).</summary>
    public required string DefinitionJson { get; set; }

    public DateTime CreatedAt { get; set; }
}
