namespace SlaMonitor.Server.Promises;

public sealed record VoidBody
{
    public string? Reason { get; init; }
}
