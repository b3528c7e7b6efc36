namespace SlaMonitor.Server.Definitions;

public sealed record EscalationStepBody
{
    public int? Level { get; init; }
    public string? Notify { get; init; }
    public string? After { get; init; }
}
