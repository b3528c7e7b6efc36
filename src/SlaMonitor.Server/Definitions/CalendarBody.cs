namespace SlaMonitor.Server.Definitions;

/// <summary>
/// A site's business calendar. Either <c>opens</c>/<c>closes</c> or several <c>hours</c>
/// intervals per working day; <c>alwaysOpen</c> for a 24x7 site.
/// </summary>
public sealed record CalendarBody
{
    public bool AlwaysOpen { get; init; }
    public IReadOnlyList<string>? WorkingDays { get; init; }
    public string? Opens { get; init; }
    public string? Closes { get; init; }
    public IReadOnlyList<HoursBody>? Hours { get; init; }
    public IReadOnlyList<string>? Holidays { get; init; }
}
