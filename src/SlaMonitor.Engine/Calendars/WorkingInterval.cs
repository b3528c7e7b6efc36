using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Engine;

/// <summary>
/// One working interval of a day in site-local time. <see cref="End"/> equal to
/// <see cref="LocalTime.Midnight"/> means "until the end of the day" (24:00).
/// </summary>
public readonly record struct WorkingInterval(LocalTime Start, LocalTime End)
{
    private static readonly LocalTimePattern HoursMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public bool EndsAtMidnight => End == LocalTime.Midnight;

    /// <summary>Parses "08:00" / "17:00"; "24:00" (or "00:00") as the end means midnight at the end of the day.</summary>
    public static WorkingInterval Parse(string start, string end) =>
        new(HoursMinutes.Parse(start).Value, end is "24:00" ? LocalTime.Midnight : HoursMinutes.Parse(end).Value);
}
