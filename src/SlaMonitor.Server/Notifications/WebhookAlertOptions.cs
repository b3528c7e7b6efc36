using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Notifications;

/// <summary>Settings under <c>Notifications:Webhook</c> for the signed alerts posted to customers' <c>alertWebhook</c>.</summary>
public sealed class WebhookAlertOptions
{
    public const string Section = "Notifications:Webhook";

    /// <summary>HMAC secret of the <c>SlaMonitor-Signature</c> header (same scheme as inbound webhooks).</summary>
    [Required(ErrorMessage = "Notifications:Webhook:Secret is required.")]
    [MinLength(16, ErrorMessage = "Notifications:Webhook:Secret must be at least 16 characters.")]
    public string Secret { get; set; } = "development-alert-secret";

    /// <summary>Retries after the first try (exponential back-off with jitter).</summary>
    [Range(0, 10, ErrorMessage = "Notifications:Webhook:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Notifications:Webhook:RetryDelay must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Notifications:Webhook:Timeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
