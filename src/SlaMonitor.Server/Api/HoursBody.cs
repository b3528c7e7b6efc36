namespace SlaMonitor.Server.Api;

public sealed record HoursBody
{
    public string? Opens { get; init; }
    public string? Closes { get; init; }
}
