using System.ComponentModel.DataAnnotations;
using NodaTime;
using Quartz;

namespace SlaMonitor.Server.Reports;

/// <summary>Settings under <c>Reports</c>: who gets the weekly report besides the account managers, and when.</summary>
public sealed class ReportOptions : IValidatableObject
{
    public const string Section = "Reports";

    /// <summary>Comma-separated addresses that get the weekly report over every customer.</summary>
    public string? ExecutiveRecipients { get; set; }

    /// <summary>IANA zone the executives' report is scheduled and cut in.</summary>
    public string ExecutiveTimeZone { get; set; } = "UTC";

    /// <summary>Quartz cron of the weekly report, read in each recipient's own zone.</summary>
    public string WeeklyCron { get; set; } = "0 0 7 ? * MON";

    public IReadOnlyList<string> Executives() =>
        ExecutiveRecipients?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(WeeklyCron) || !CronExpression.TryParse(WeeklyCron, out _))
        {
            yield return new ValidationResult($"Reports:WeeklyCron must be a Quartz cron expression such as '0 0 7 ? * MON', not '{WeeklyCron}'.", [nameof(WeeklyCron)]);
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(ExecutiveTimeZone ?? "") is null)
        {
            yield return new ValidationResult($"Reports:ExecutiveTimeZone must be an IANA time zone (e.g. Europe/Berlin), not '{ExecutiveTimeZone}'.", [nameof(ExecutiveTimeZone)]);
        }

        foreach (var address in Executives().Where(a => !System.Net.Mail.MailAddress.TryCreate(a, out _)))
        {
            yield return new ValidationResult($"Reports:ExecutiveRecipients holds '{address}', which is not an email address.", [nameof(ExecutiveRecipients)]);
        }
    }
}
