namespace SlaMonitor.Infrastructure.Persistence;

public sealed class Site
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>The calendar as validated JSON (working days, hours, holidays).</summary>
    public required string CalendarJson { get; set; }

    public DateTime UpdatedAt { get; set; }
}
