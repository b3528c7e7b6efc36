using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>Settings under <c>Webhooks</c>: limits on the carriers' inbound webhooks.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Webhooks:MaxBodyBytes must be between 1024 and 67108864.")]
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    [Range(1, 1000, ErrorMessage = "Webhooks:MaxEventsPerRequest must be between 1 and 1000.")]
    public int MaxEventsPerRequest { get; set; } = 1000;

    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Webhooks:SignatureTolerance must be between 00:00:10 and 01:00:00.")]
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Webhooks:MaxFutureSkew must be between 00:00:00 and 01:00:00.")]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Webhook requests per second for a carrier without its own <c>requestsPerSecond</c>.</summary>
    [Range(1, 100_000, ErrorMessage = "Webhooks:DefaultRequestsPerSecond must be between 1 and 100000.")]
    public int DefaultRequestsPerSecond { get; set; } = 200;
}
