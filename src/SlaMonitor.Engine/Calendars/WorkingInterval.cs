using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// One working interval of a day in site-local time. <see cref="End"/> equal to
/// <see cref="LocalTime.Midnight"/> means "until the end of the day" (24:00).
/// </summary>
public readonly record struct WorkingInterval(LocalTime Start, LocalTime End)
{
    public bool EndsAtMidnight => End == LocalTime.Midnight;

    /// <summary>Parses "08:00" / "17:00"; "24:00" as the end is the end of the day (see <see cref="TimeOfDay"/>).</summary>
    public static WorkingInterval Parse(string start, string end) =>
        new(TimeOfDay.Parse(start).Value, TimeOfDay.ParseClosing(end).Value);
}
