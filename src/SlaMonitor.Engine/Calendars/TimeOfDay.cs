using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Engine;

/// <summary>
/// The one reader of "HH:mm" times of day (opening hours, cut-offs, next-business-day targets). "24:00" is the end
/// of the day and only where an interval closes, as stored calendars use it: it reads as <see cref="LocalTime.Midnight"/>,
/// which a <see cref="WorkingInterval"/>'s end takes as the end of the day.
/// </summary>
public static class TimeOfDay
{
    public const string EndOfDay = "24:00";

    private static readonly LocalTimePattern HoursMinutes = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static ParseResult<LocalTime> Parse(string text) => HoursMinutes.Parse(text);

    /// <summary>Like <see cref="Parse"/>, and "24:00" as the end of the day.</summary>
    public static ParseResult<LocalTime> ParseClosing(string text) =>
        text == EndOfDay ? ParseResult<LocalTime>.ForValue(LocalTime.Midnight) : HoursMinutes.Parse(text);
}
