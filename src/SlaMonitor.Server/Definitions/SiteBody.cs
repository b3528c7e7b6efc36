namespace SlaMonitor.Server.Definitions;

public sealed record SiteBody
{
    public string? Name { get; init; }
    public string? Region { get; init; }
    public string? TimeZone { get; init; }
    public CalendarBody? Calendar { get; init; }
}
