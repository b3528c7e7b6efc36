namespace SlaMonitor.Server.Definitions;

public sealed record AccountManagerBody
{
    public string? Name { get; init; }
    public string? Email { get; init; }
}
