using NodaTime;

namespace SlaMonitor.Engine.Tests.Calendars;

public sealed class TimeOfDayTests
{
    [Theory]
    [InlineData("00:00", 0, 0)]
    [InlineData("08:30", 8, 30)]
    [InlineData("23:59", 23, 59)]
    public void A_time_of_day_reads_as_hours_and_minutes(string text, int hour, int minute)
    {
        Assert.Equal(new LocalTime(hour, minute), TimeOfDay.Parse(text).Value);
        Assert.Equal(new LocalTime(hour, minute), TimeOfDay.ParseClosing(text).Value);
    }

    [Theory]
    [InlineData("8:30")]
    [InlineData("08:30:00")]
    [InlineData("noon")]
    [InlineData("25:00")]
    [InlineData("24:00")]
    public void Anything_else_is_not_a_time_of_day(string text) => Assert.False(TimeOfDay.Parse(text).Success);

    [Fact]
    public void Closing_at_24_00_is_the_end_of_the_day()
    {
        var interval = WorkingInterval.Parse("18:00", TimeOfDay.EndOfDay);

        Assert.Equal(LocalTime.Midnight, TimeOfDay.ParseClosing(TimeOfDay.EndOfDay).Value);
        Assert.True(interval.EndsAtMidnight);
    }
}
