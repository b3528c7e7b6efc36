using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Ingest.Parked;

/// <summary>Settings under <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>How long an event may wait for its promise before it is expired.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "10675199.02:48:05.4775807",
        ErrorMessage = "Ingest:ParkedEventMaxAge must be a duration of at least 00:00:01 such as 7.00:00:00.")]
    public TimeSpan ParkedEventMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a stripe waits for more messages after the first (see <c>IngestStripes</c>); 0 applies each
    /// at once, as the replay tool does (one request at a time, nothing to wait for).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01", ErrorMessage = "Ingest:Linger must be between 00:00:00 and 00:00:01.")]
    public TimeSpan Linger { get; set; } = IngestStripes.DefaultLinger;
}
