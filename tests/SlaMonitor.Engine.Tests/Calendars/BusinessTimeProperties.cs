using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace SlaMonitor.Engine.Tests.Calendars;

public class BusinessTimeProperties
{
    private static readonly string[] Zones =
        ["Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Australia/Sydney", "Asia/Kolkata"];

    private static readonly string[] CalendarNames = ["office", "24x7", "nights", "evenings", "late-weekdays", "kolkata-office"];

    private static readonly Instant Base = Instant.FromUtc(2016, 1, 1, 0, 0);

    [Property(MaxTest = 300)]
    public Property Business_time_between_a_and_a_plus_d_on_the_business_clock_is_d()
    {
        var cases =
            from zone in Gen.Elements(Zones)
            from calendar in Gen.Elements(CalendarNames)
            from startMinutes in Gen.Choose(0, 12 * 365 * 24 * 60)
            from minutes in Gen.Choose(0, 200 * 60)
            select (zone, calendar, startMinutes, minutes);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var calendar = Sites.Named(c.calendar, c.zone);
            var start = Base + Duration.FromMinutes(c.startMinutes);
            var businessTime = Duration.FromMinutes(c.minutes);

            var end = calendar.AddBusinessTime(start, businessTime);

            return calendar.BusinessTimeBetween(start, end) == businessTime && end >= start;
        });
    }

    [Property(MaxTest = 200)]
    public Property Adding_more_business_time_never_gives_an_earlier_instant()
    {
        var cases =
            from zone in Gen.Elements(Zones)
            from startMinutes in Gen.Choose(0, 12 * 365 * 24 * 60)
            from a in Gen.Choose(0, 100 * 60)
            from b in Gen.Choose(0, 100 * 60)
            select (zone, startMinutes, Math.Min(a, b), Math.Max(a, b));

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var calendar = Sites.Named("office", c.zone);
            var start = Base + Duration.FromMinutes(c.startMinutes);
            return calendar.AddBusinessTime(start, Duration.FromMinutes(c.Item3))
                <= calendar.AddBusinessTime(start, Duration.FromMinutes(c.Item4));
        });
    }
}
