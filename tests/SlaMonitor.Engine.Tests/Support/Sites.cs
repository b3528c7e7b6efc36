using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Engine.Tests;

/// <summary>Calendars and time helpers shared by the tests. Local times are written "yyyy-MM-ddTHH:mm".</summary>
internal static class Sites
{
    private static readonly OffsetDateTimePattern OffsetPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mmo<m>");

    private static readonly LocalDateTimePattern LocalPattern =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>Mon-Fri 08:00-12:00 and 13:00-17:00, plus the given holidays.</summary>
    public static SiteCalendar Office(string zoneId, params string[] holidays) =>
        new(Zone(zoneId), Weekdays, [WorkingInterval.Parse("08:00", "12:00"), WorkingInterval.Parse("13:00", "17:00")],
            holidays.Select(h => LocalDatePattern.Iso.Parse(h).Value));

    public static SiteCalendar Named(string name, string zoneId) => name switch
    {
        "office" => Office(zoneId, "2026-12-25", "2026-12-26", "2027-01-01", "2026-04-03", "2026-04-06"),
        "24x7" => SiteCalendar.AlwaysOpen(Zone(zoneId)),
        "nights" => new SiteCalendar(Zone(zoneId), AllDays, [WorkingInterval.Parse("00:00", "06:00")]),
        "evenings" => new SiteCalendar(Zone(zoneId), AllDays, [WorkingInterval.Parse("20:00", "24:00")]),
        "late-weekdays" => new SiteCalendar(Zone(zoneId), Weekdays, [WorkingInterval.Parse("18:00", "24:00")]),
        "kolkata-office" => new SiteCalendar(Zone(zoneId), Weekdays, [WorkingInterval.Parse("09:30", "18:00")]),
        "every-day" => new SiteCalendar(Zone(zoneId), AllDays, [WorkingInterval.Parse("08:00", "17:00")]),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static IsoDayOfWeek[] Weekdays { get; } =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static IsoDayOfWeek[] AllDays { get; } = [.. Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d)];

    /// <summary>A site-local time that must exist exactly once (the tests never open promises in a gap).</summary>
    public static Instant Local(SiteCalendar calendar, string local) =>
        calendar.Zone.AtStrictly(LocalPattern.Parse(local).Value).ToInstant();

    public static Instant Local(string zoneId, string local) =>
        Zone(zoneId).AtStrictly(LocalPattern.Parse(local).Value).ToInstant();

    /// <summary>Site time with its offset, as the API shows it: "2026-03-30T15:00+02:00".</summary>
    public static string AtSite(SiteCalendar calendar, Instant instant) =>
        OffsetPattern.Format(instant.InZone(calendar.Zone).ToOffsetDateTime());

    public static Duration Hours(double hours) => Duration.FromSeconds(hours * 3600);
}
