namespace SlaMonitor.Server.Escalations;

public sealed record AssignBody
{
    public string? To { get; init; }
}
