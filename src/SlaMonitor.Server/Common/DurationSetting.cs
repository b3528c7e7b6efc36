using System.Globalization;

namespace SlaMonitor.Server.Common;

/// <summary>A duration setting (e.g. 7.00:00:00): the fallback when absent, a start-up error naming the key when unreadable or below the minimum.</summary>
public static class DurationSetting
{
    public static TimeSpan Read(IConfiguration configuration, string key, TimeSpan fallback, TimeSpan minimum)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new SettingsException($"{key} must be a duration of at least {minimum:c} such as {fallback:c}, not '{text}'.");
        }

        return value;
    }
}
