using System.Globalization;
using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>Short durations for people: "45m", "3h10m", "2d04h".</summary>
public static class DurationWords
{
    public static string Format(Duration duration)
    {
        var negative = duration < Duration.Zero;
        var minutes = (long)Math.Round(Math.Abs(duration.TotalMinutes));
        var text = minutes switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes}m"),
            < 24 * 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / (24 * 60)}d{minutes / 60 % 24:00}h"),
        };
        return negative ? "-" + text : text;
    }
}
