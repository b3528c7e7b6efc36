using NodaTime;
using NodaTime.Calendars;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The periods of a report range in its time zone: each starts at local midnight (of the day, of the ISO week's Monday,
/// of the month's first), so a week that crosses a DST change is 167 or 169 hours long, as a calendar says.
/// </summary>
public static class ReportPeriods
{
    /// <summary>The local first days of the periods that overlap [from, to): the first may start before <paramref name="from"/>.</summary>
    public static IReadOnlyList<LocalDate> Starts(Instant from, Instant to, DateTimeZone zone, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = StartOf(from.InZone(zone).Date, period);
        var starts = new List<LocalDate>();
        for (var day = first; period == ReportPeriod.None ? starts.Count == 0 : zone.AtStartOfDay(day).ToInstant() < to; day = Next(day, period))
        {
            starts.Add(day);
        }

        return starts;
    }

    public static LocalDate StartOf(LocalDate date, ReportPeriod period) => period switch
    {
        ReportPeriod.Week => date.PlusDays(IsoDayOfWeek.Monday - date.DayOfWeek),
        ReportPeriod.Month => new LocalDate(date.Year, date.Month, 1),
        _ => date,
    };

    public static string Label(LocalDate start, ReportPeriod period) => period switch
    {
        ReportPeriod.Week => $"{WeekYearRules.Iso.GetWeekYear(start):D4}-W{WeekYearRules.Iso.GetWeekOfWeekYear(start):D2}",
        ReportPeriod.Month => start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static LocalDate Next(LocalDate start, ReportPeriod period) => period switch
    {
        ReportPeriod.Week => start.PlusWeeks(1),
        ReportPeriod.Month => start.PlusMonths(1),
        _ => start.PlusDays(1),
    };
}
