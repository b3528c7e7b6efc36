using System.ComponentModel.DataAnnotations;
using NodaTime;
using Quartz;
using SlaMonitor.Engine;

namespace SlaMonitor.Server.Escalations;

/// <summary>Settings under <c>Escalations</c>.</summary>
public sealed class EscalationOptions : IValidatableObject
{
    public const string Section = "Escalations";

    /// <summary>Escalations with the same carrier + region + reason opened within this window of an incident's first one join it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Escalations:GroupingWindow must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan GroupingWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>First re-notification delay; doubled each time up to <see cref="RenotifyCap"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Escalations:RenotifyFirst must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan RenotifyFirst { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Escalations:RenotifyCap must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan RenotifyCap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Base address of the watch board; alerts link to its promise pages (<see cref="Common.PromiseLinks"/>).</summary>
    [Required(ErrorMessage = "Escalations:BoardUrl is required.")]
    [Url(ErrorMessage = "Escalations:BoardUrl must be an absolute URL.")]
    public string BoardUrl { get; set; } = "http://localhost:5080";

    /// <summary>Addresses told at a <c>dutyManager</c> level (comma-separated); none: only the bus and the board.</summary>
    public string? DutyManagers { get; set; }

    /// <summary>Quartz cron (UTC) of the digest: one email per account manager listing every unresolved escalation.</summary>
    public string DigestCron { get; set; } = "0 0 7 * * ?";

    /// <summary>The re-notification back-off these settings describe.</summary>
    public EscalationBackoff Backoff() => new(Duration.FromTimeSpan(RenotifyFirst), Duration.FromTimeSpan(RenotifyCap));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(DigestCron) || !CronExpression.TryParse(DigestCron, out _))
        {
            yield return new ValidationResult(
                $"Escalations:DigestCron must be a Quartz cron expression such as '0 0 7 * * ?' (07:00 UTC daily), not '{DigestCron}'.",
                [nameof(DigestCron)]);
        }
    }
}
