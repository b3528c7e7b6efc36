namespace SlaMonitor.Server.Definitions;

public sealed record HoursBody
{
    public string? Opens { get; init; }
    public string? Closes { get; init; }
}
