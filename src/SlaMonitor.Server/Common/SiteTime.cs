using NodaTime;

namespace SlaMonitor.Server.Common;

/// <summary>Every time leaves the API with the site's UTC offset.</summary>
public static class SiteTime
{
    public static DateTimeZone Zone(string timeZone) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc;

    public static DateTimeOffset At(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(utc).InZone(zone).ToDateTimeOffset();

    public static DateTimeOffset? At(DateTime? utc, DateTimeZone zone) => utc is { } value ? At(value, zone) : null;
}
