using NodaTime;

namespace SlaMonitor.Engine.Tests.Calendars;

public class BusinessTimeTests
{
    [Theory]
    // Friday afternoon into Monday across the Berlin spring-forward weekend.
    [InlineData("office", "Europe/Berlin", "2026-03-27T15:00", 8, "2026-03-30T15:00+02:00")]
    // Landing exactly on a closing time stays at the closing time.
    [InlineData("office", "Europe/Berlin", "2026-03-23T08:00", 8, "2026-03-23T17:00+01:00")]
    // Opened during lunch: the clock starts at 13:00.
    [InlineData("office", "Europe/Berlin", "2026-03-23T12:30", 1, "2026-03-23T14:00+01:00")]
    // Year end: Christmas Day and the weekend are skipped.
    [InlineData("office", "Europe/Berlin", "2026-12-24T16:00", 8, "2026-12-28T16:00+01:00")]
    // New Year's Day (a Friday holiday) and the weekend are skipped.
    [InlineData("office", "Europe/Berlin", "2026-12-31T16:00", 8, "2027-01-04T16:00+01:00")]
    // Easter: Good Friday and Easter Monday are holidays.
    [InlineData("office", "Europe/Berlin", "2026-04-02T16:00", 2, "2026-04-07T09:00+02:00")]
    // New York spring-forward weekend.
    [InlineData("office", "America/New_York", "2026-03-06T16:00", 8, "2026-03-09T16:00-04:00")]
    // A night shift on the Berlin spring-forward night lasts five real hours.
    [InlineData("nights", "Europe/Berlin", "2026-03-29T00:00", 5, "2026-03-29T06:00+02:00")]
    // ... and seven on the fall-back night.
    [InlineData("nights", "Europe/Berlin", "2026-10-25T00:00", 7, "2026-10-25T06:00+01:00")]
    // Sao Paulo (2018) sprang forward at midnight: the night shift opens at 01:00.
    [InlineData("nights", "America/Sao_Paulo", "2018-11-03T03:00", 6, "2018-11-04T04:00-02:00")]
    // Sydney falls back on the first Sunday of April.
    [InlineData("nights", "Australia/Sydney", "2026-04-05T00:00", 7, "2026-04-05T06:00+10:00")]
    // ... and springs forward on the first Sunday of October.
    [InlineData("nights", "Australia/Sydney", "2026-10-04T00:00", 5, "2026-10-04T06:00+11:00")]
    // Kolkata: half-hour offset, 09:30 opening.
    [InlineData("kolkata-office", "Asia/Kolkata", "2026-01-02T17:00", 8, "2026-01-05T16:30+05:30")]
    // An interval that ends at midnight carries over to the next working evening.
    [InlineData("late-weekdays", "Europe/Berlin", "2026-01-09T20:00", 8, "2026-01-12T22:00+01:00")]
    // 24x7 business time is elapsed time, even across the fall-back hour.
    [InlineData("24x7", "Europe/Berlin", "2026-10-24T23:30", 4, "2026-10-25T02:30+01:00")]
    public void Adding_business_time_lands_on_the_expected_site_time(
        string calendarName, string zone, string openedLocal, double hours, string expected)
    {
        var calendar = Sites.Named(calendarName, zone);
        var start = Sites.Local(calendar, openedLocal);

        var end = calendar.AddBusinessTime(start, Sites.Hours(hours));

        Assert.Equal(expected, Sites.AtSite(calendar, end));
    }

    [Theory]
    [InlineData("nights", "Europe/Berlin", "2026-03-28T12:00", "2026-03-29T12:00", 5)]
    [InlineData("nights", "Europe/Berlin", "2026-10-24T12:00", "2026-10-25T12:00", 7)]
    [InlineData("nights", "America/New_York", "2026-10-31T12:00", "2026-11-01T12:00", 7)]
    [InlineData("nights", "America/New_York", "2026-03-07T12:00", "2026-03-08T12:00", 5)]
    // Sao Paulo fell back at midnight on 2018-02-18: the evening shift ending at 24:00 ran five hours.
    [InlineData("evenings", "America/Sao_Paulo", "2018-02-17T12:00", "2018-02-18T12:00", 5)]
    [InlineData("office", "Europe/Berlin", "2026-12-23T00:00", "2027-01-05T00:00", 56)]
    [InlineData("office", "Asia/Kolkata", "2026-01-02T00:00", "2026-01-03T00:00", 8)]
    public void Business_time_between_counts_only_working_wall_clock_time(
        string calendarName, string zone, string fromLocal, string toLocal, double expectedHours)
    {
        var calendar = Sites.Named(calendarName, zone);

        var between = calendar.BusinessTimeBetween(Sites.Local(calendar, fromLocal), Sites.Local(calendar, toLocal));

        Assert.Equal(Sites.Hours(expectedHours), between);
    }

    [Fact]
    public void Business_time_between_is_negative_when_the_instants_are_reversed()
    {
        var calendar = Sites.Office("Europe/Berlin");
        var a = Sites.Local(calendar, "2026-03-23T09:00");
        var b = Sites.Local(calendar, "2026-03-23T11:00");

        Assert.Equal(-Duration.FromHours(2), calendar.BusinessTimeBetween(b, a));
    }

    [Fact]
    public void Adding_zero_business_time_returns_the_start_even_outside_working_hours()
    {
        var calendar = Sites.Office("Europe/Berlin");
        var saturday = Sites.Local(calendar, "2026-03-28T10:00");

        Assert.Equal(saturday, calendar.AddBusinessTime(saturday, Duration.Zero));
    }

    [Fact]
    public void Overlapping_working_intervals_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SiteCalendar(Sites.Zone("Europe/Berlin"), Sites.Weekdays,
            [WorkingInterval.Parse("08:00", "13:00"), WorkingInterval.Parse("12:00", "17:00")]));
    }

    [Fact]
    public void A_calendar_without_working_days_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new SiteCalendar(Sites.Zone("Europe/Berlin"), [],
            [WorkingInterval.Parse("08:00", "17:00")]));
    }
}
