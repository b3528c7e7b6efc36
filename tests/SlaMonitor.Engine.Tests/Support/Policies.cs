using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Engine.Tests;

internal static class Policies
{
    private static readonly LocalTimePattern HoursMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static SlaPolicy Elapsed(double hours, PauseKinds pauseOn = PauseKinds.CustomerHold, string fulfilledBy = Milestones.Delivered) =>
        new("4H-ONSITE", 1, SlaClock.Elapsed, SlaTarget.Within(Sites.Hours(hours)), fulfilledBy, pauseOn, Duration.FromMinutes(30));

    public static SlaPolicy Business(double hours, PauseKinds pauseOn = PauseKinds.CustomerHold) =>
        new("8BH", 1, SlaClock.Business, SlaTarget.Within(Sites.Hours(hours)), Milestones.Delivered, pauseOn, Duration.FromMinutes(30));

    public static SlaPolicy NextBusinessDay(string by, string cutoff, int days = 1) =>
        new("NBD", 1, SlaClock.Business,
            SlaTarget.NextBusinessDayBy(HoursMinutes.Parse(by).Value, HoursMinutes.Parse(cutoff).Value, days),
            Milestones.Delivered, PauseKinds.CustomerHold, Duration.FromHours(1));

    public static SlaPolicy Parse(string target, string clock) =>
        target.StartsWith("NBD", StringComparison.Ordinal)
            ? ParseNextBusinessDay(target)
            : clock == "business" ? Business(double.Parse(target, System.Globalization.CultureInfo.InvariantCulture))
            : Elapsed(double.Parse(target, System.Globalization.CultureInfo.InvariantCulture));

    // "NBD 17:00/15:00 x2": next business day by 17:00, cut-off 15:00, two business days.
    private static SlaPolicy ParseNextBusinessDay(string target)
    {
        var parts = target.Split(' ');
        var times = parts[1].Split('/');
        var days = parts.Length > 2 ? int.Parse(parts[2][1..], System.Globalization.CultureInfo.InvariantCulture) : 1;
        return NextBusinessDay(times[0], times[1], days);
    }
}
