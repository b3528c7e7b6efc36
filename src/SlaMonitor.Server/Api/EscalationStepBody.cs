namespace SlaMonitor.Server.Api;

public sealed record EscalationStepBody
{
    public int? Level { get; init; }
    public string? Notify { get; init; }
    public string? After { get; init; }
}
