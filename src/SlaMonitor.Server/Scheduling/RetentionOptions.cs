using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Scheduling;

/// <summary>Settings under <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How long the carrier delivery log and the notification delivery log are kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "10675199.02:48:05.4775807",
        ErrorMessage = "Retention:DeliveryLogs must be a duration of at least 1.00:00:00 such as 30.00:00:00.")]
    public TimeSpan DeliveryLogs { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long audit entries (configuration changes, actions on escalations, corrections) are kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "10675199.02:48:05.4775807",
        ErrorMessage = "Retention:Audit must be a duration of at least 1.00:00:00 such as 400.00:00:00.")]
    public TimeSpan Audit { get; set; } = TimeSpan.FromDays(400);
}
