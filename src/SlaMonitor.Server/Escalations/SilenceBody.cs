namespace SlaMonitor.Server.Escalations;

public sealed record SilenceBody
{
    public string? Carrier { get; init; }
    public string? Region { get; init; }
    public string? Customer { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? Until { get; init; }
    public string? Reason { get; init; }
}
