using NodaTime;
using NodaTime.Text;
using SlaMonitor.Engine;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

public static class SiteValidation
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static void Validate(SiteBody body, ValidationErrors errors)
    {
        errors.Required("name", body.Name);
        errors.Required("region", body.Region, 64);
        errors.TimeZone("timeZone", body.TimeZone);
        if (body.Calendar is null)
        {
            errors.Add("calendar", "is required (use { \"alwaysOpen\": true } for a 24x7 site).");
            return;
        }

        ValidateCalendar(body.Calendar, errors);
    }

    public static IsoDayOfWeek ParseDay(string name) => (IsoDayOfWeek)(Array.IndexOf(DayNames, name) + 1);

    private static void ValidateCalendar(CalendarBody calendar, ValidationErrors errors)
    {
        ValidateHolidays(calendar.Holidays, errors);
        if (calendar.AlwaysOpen)
        {
            return;
        }

        if (calendar.WorkingDays is null || calendar.WorkingDays.Count == 0)
        {
            errors.Add("calendar.workingDays", "is required: at least one of Mon, Tue, Wed, Thu, Fri, Sat, Sun.");
        }
        else
        {
            for (var i = 0; i < calendar.WorkingDays.Count; i++)
            {
                if (!DayNames.Contains(calendar.WorkingDays[i]))
                {
                    errors.Add($"calendar.workingDays[{i}]", $"'{calendar.WorkingDays[i]}' is not one of Mon, Tue, Wed, Thu, Fri, Sat, Sun.");
                }
            }
        }

        var hours = calendar.Hours ?? (calendar.Opens is null && calendar.Closes is null
            ? null
            : [new HoursBody { Opens = calendar.Opens, Closes = calendar.Closes }]);
        if (hours is null || hours.Count == 0)
        {
            errors.Add("calendar.opens", "is required (with calendar.closes), or give calendar.hours.");
            return;
        }

        var prefix = calendar.Hours is null ? "calendar" : "calendar.hours";
        LocalTime? previousClose = null;
        for (var i = 0; i < hours.Count; i++)
        {
            var field = calendar.Hours is null ? prefix : $"{prefix}[{i}]";
            var opens = errors.Time($"{field}.opens", hours[i].Opens);
            var closes = errors.Time($"{field}.closes", hours[i].Closes, closes: true);
            if (opens is { } o && closes is { } closing)
            {
                // "24:00" closes at the end of the day: later than any opening.
                var c = hours[i].Closes == TimeOfDay.EndOfDay ? LocalTime.MaxValue : closing;
                if (c <= o)
                {
                    errors.Add($"{field}.closes", "must be later than opens.");
                }
                else if (previousClose is { } p && o < p)
                {
                    errors.Add($"{field}.opens", "intervals must be in order and must not overlap.");
                }

                previousClose = c;
            }
        }
    }

    private static void ValidateHolidays(IReadOnlyList<string>? holidays, ValidationErrors errors)
    {
        for (var i = 0; i < (holidays?.Count ?? 0); i++)
        {
            if (!LocalDatePattern.Iso.Parse(holidays![i]).Success)
            {
                errors.Add($"calendar.holidays[{i}]", $"'{holidays[i]}' is not a date as YYYY-MM-DD.");
            }
        }
    }
}
