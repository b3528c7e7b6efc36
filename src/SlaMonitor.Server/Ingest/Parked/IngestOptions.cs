using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Parked;

/// <summary>Ingest:ParkedEventMaxAge — how long an event may wait for its promise before it is expired.</summary>
public sealed record IngestOptions(TimeSpan ParkedEventMaxAge)
{
    public const string MaxAgeKey = "Ingest:ParkedEventMaxAge";
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(7);

    public static IngestOptions Read(IConfiguration configuration) =>
        new(DurationSetting.Read(configuration, MaxAgeKey, DefaultMaxAge, minimum: TimeSpan.FromSeconds(1)));
}
