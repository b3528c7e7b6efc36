using System.Globalization;
using SlaMonitor.Server.Hosting;

namespace SlaMonitor.Server.Ingest.Parked;

/// <summary>Ingest:ParkedEventMaxAge — how long an event may wait for its promise before it is expired.</summary>
public sealed record IngestOptions(TimeSpan ParkedEventMaxAge)
{
    public const string MaxAgeKey = "Ingest:ParkedEventMaxAge";
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(7);

    public static IngestOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[MaxAgeKey];
        if (text is null)
        {
            return new IngestOptions(DefaultMaxAge);
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var maxAge) || maxAge <= TimeSpan.Zero)
        {
            throw new SettingsException($"{MaxAgeKey} must be a positive duration such as 7.00:00:00, not '{text}'.");
        }

        return new IngestOptions(maxAge);
    }
}
