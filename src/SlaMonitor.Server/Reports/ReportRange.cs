using NodaTime;
using NodaTime.Text;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// [From, To) of a report and the zone its dates, days, weeks and months are read in. A bound is an ISO date (midnight
/// in the zone) or an instant with an offset.
/// </summary>
public sealed record ReportRange(Instant From, Instant To, DateTimeZone Zone)
{
    public const int MaxDays = 1831;

    public static ReportRange? Read(ValidationErrors errors, string? from, string? to, string? tz)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var zone = tz is null ? DateTimeZone.Utc : errors.TimeZone("tz", tz);
        var start = Bound(errors, "from", from, zone ?? DateTimeZone.Utc);
        var end = Bound(errors, "to", to, zone ?? DateTimeZone.Utc);
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                errors.Add("to", "must be after from.");
            }
            else if (e - s > Duration.FromDays(MaxDays))
            {
                errors.Add("to", $"must be at most {MaxDays} days after from.");
            }
        }

        return zone is not null && start is not null && end is not null && !errors.Any ? new ReportRange(start.Value, end.Value, zone) : null;
    }

    /// <summary>A date (midnight in the zone, or the first instant of that day where midnight falls in a DST gap) or an instant with an offset.</summary>
    private static Instant? Bound(ValidationErrors errors, string field, string? text, DateTimeZone zone)
    {
        if (errors.Required(field, text, 64) is null)
        {
            return null;
        }

        var date = LocalDatePattern.Iso.Parse(text!);
        if (date.Success)
        {
            return errors.Plausible(field, date.Value.Year) ? zone.AtStartOfDay(date.Value).ToInstant() : null;
        }

        // A '+' sent unencoded in a query string arrives as a space.
        var instant = OffsetDateTimePattern.ExtendedIso.Parse(text!.Replace(' ', '+'));
        if (!instant.Success)
        {
            errors.Add(field, "must be an ISO date (2026-11-02, midnight in tz) or an ISO 8601 timestamp with an offset (2026-11-02T08:00:00+01:00).");
            return null;
        }

        return errors.Plausible(field, instant.Value.Year) ? instant.Value.ToInstant() : null;
    }
}
