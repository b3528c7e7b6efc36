namespace SlaMonitor.Server.Definitions;

public sealed record AccountManagerBody
{
    public string? Name { get; init; }
    public string? Email { get; init; }

    /// <summary>IANA zone of the weekly report (sent Monday 07:00 there); UTC when left out.</summary>
    public string? TimeZone { get; init; }
}
