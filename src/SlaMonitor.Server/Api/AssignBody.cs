namespace SlaMonitor.Server.Api;

public sealed record AssignBody
{
    public string? To { get; init; }
}
