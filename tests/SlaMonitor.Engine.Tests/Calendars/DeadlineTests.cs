namespace SlaMonitor.Engine.Tests.Calendars;

public class DeadlineTests
{
    [Theory]
    [InlineData("4", "elapsed", "24x7", "Europe/Berlin", "2026-03-28T23:30", "2026-03-29T04:30+02:00")]
    [InlineData("4", "elapsed", "office", "Europe/Berlin", "2026-10-24T23:30", "2026-10-25T02:30+01:00")]
    [InlineData("8", "business", "office", "Europe/Berlin", "2026-03-27T15:00", "2026-03-30T15:00+02:00")]
    [InlineData("8", "business", "office", "Europe/Berlin", "2026-12-31T16:00", "2027-01-04T16:00+01:00")]
    [InlineData("8", "business", "office", "America/New_York", "2026-10-30T15:00", "2026-11-02T15:00-05:00")]
    [InlineData("NBD 17:00/15:00", "business", "office", "Europe/Berlin", "2026-03-27T14:59", "2026-03-30T17:00+02:00")]
    [InlineData("NBD 17:00/15:00", "business", "office", "Europe/Berlin", "2026-03-27T15:00", "2026-03-31T17:00+02:00")]
    [InlineData("NBD 17:00/15:00", "business", "office", "Europe/Berlin", "2026-03-28T09:00", "2026-03-31T17:00+02:00")]
    [InlineData("NBD 17:00/15:00", "business", "office", "Europe/Berlin", "2026-12-24T10:00", "2026-12-28T17:00+01:00")]
    [InlineData("NBD 17:00/15:00", "business", "office", "Europe/Berlin", "2026-12-31T10:00", "2027-01-04T17:00+01:00")]
    [InlineData("NBD 17:00/15:00 x2", "business", "office", "Europe/Berlin", "2026-03-23T10:00", "2026-03-25T17:00+01:00")]
    [InlineData("NBD 17:00/15:00", "business", "office", "America/Sao_Paulo", "2018-11-02T16:00", "2018-11-06T17:00-02:00")]
    [InlineData("NBD 17:00/15:00", "business", "office", "Australia/Sydney", "2026-04-02T14:00", "2026-04-07T17:00+10:00")]
    [InlineData("NBD 17:00/15:00", "business", "office", "Asia/Kolkata", "2026-01-02T14:00", "2026-01-05T17:00+05:30")]
    // A deadline time inside the spring-forward gap resolves to the end of the gap.
    [InlineData("NBD 02:30/15:00", "business", "every-day", "Europe/Berlin", "2026-03-28T10:00", "2026-03-29T03:00+02:00")]
    // A repeated deadline time resolves to its later occurrence.
    [InlineData("NBD 02:30/15:00", "business", "every-day", "Europe/Berlin", "2026-10-24T10:00", "2026-10-25T02:30+01:00")]
    public void Deadline_is_on_the_destination_site_calendar_with_its_offset(
        string target, string clock, string calendarName, string zone, string openedLocal, string expected)
    {
        var calendar = Sites.Named(calendarName, zone);
        var policy = Policies.Parse(target, clock);

        var deadline = Deadlines.Compute(policy, calendar, Sites.Local(calendar, openedLocal));

        Assert.Equal(expected, Sites.AtSite(calendar, deadline));
    }

    [Fact]
    public void Deadline_rolls_past_weekend_when_opened_friday_evening()
    {
        var calendar = Sites.Named("office", "Europe/Berlin");

        var deadline = Deadlines.Compute(Policies.Business(4), calendar, Sites.Local(calendar, "2026-01-09T18:30"));

        Assert.Equal("2026-01-12T12:00+01:00", Sites.AtSite(calendar, deadline));
    }
}
