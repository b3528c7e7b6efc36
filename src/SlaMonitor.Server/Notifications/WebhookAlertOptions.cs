using System.ComponentModel.DataAnnotations;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Notifications;

/// <summary>Settings under <c>Notifications:Webhook</c> for the signed alerts posted to customers' <c>alertWebhook</c>.</summary>
public sealed class WebhookAlertOptions : IValidatableObject
{
    public const string Section = "Notifications:Webhook";

    /// <summary>Retries after the first try (exponential back-off with jitter).</summary>
    [Range(0, 10, ErrorMessage = "Notifications:Webhook:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Notifications:Webhook:RetryDelay must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Notifications:Webhook:Timeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>host:port</c> entries alerts may reach although they connect to a loopback, private or link-local address
    /// (see <see cref="AlertTargetPolicy"/>); these may use http outside Development too.
    /// </summary>
    public IList<string> AllowedTargets { get; } = [];

    /// <summary>
    /// The global secret that signed every customer's alerts; bound only to stop start-up while it is still configured,
    /// so nobody believes it still applies.
    /// </summary>
    [Microsoft.Extensions.Configuration.ConfigurationKeyName("Secret")]
    public string? RemovedSecret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RemovedSecret is not null)
        {
            yield return new ValidationResult(
                "Notifications:Webhook:Secret was removed: each customer's alerts are signed with its own alertSecret "
                + "(PUT /api/v1/customers/{code}, write-only). Delete the setting.",
                [nameof(RemovedSecret)]);
        }

        for (var i = 0; i < AllowedTargets.Count; i++)
        {
            if (!AlertTargetPolicy.TryParseTarget(AllowedTargets[i], out _, out _))
            {
                yield return new ValidationResult(
                    $"Notifications:Webhook:AllowedTargets:{i} must be host:port (a name, an IPv4 address or a bracketed IPv6 address and a port), not '{AllowedTargets[i]}'.",
                    [nameof(AllowedTargets)]);
            }
        }
    }
}
