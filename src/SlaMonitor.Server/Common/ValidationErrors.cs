using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using SlaMonitor.Engine;

namespace SlaMonitor.Server.Common;

/// <summary>Collects field errors (JSON paths) and turns them into a 422 problem details.</summary>
public sealed partial class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Number of fields with errors, to tell whether a step added any.</summary>
    public int Count => _errors.Count;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public ProblemHttpResult ToProblem(string title = "One or more fields are invalid.") =>
        TypedResults.Problem(new HttpValidationProblemDetails(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
        });

    public void Code(string field, string? value)
    {
        if (value is null || !CodePattern().IsMatch(value))
        {
            Add(field, "must be 1-64 characters of letters, digits, '.', '_' or '-'.");
        }
    }

    /// <summary>A single-line text: ids, codes, names (no control character at all, tab and line breaks included).</summary>
    public string? Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return null;
        }

        MaxLength(field, value, maxLength);
        return value;
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"must be between {min} and {max}.");
        }
    }

    /// <summary>
    /// Instants a service promise can have: from 1990 to the end of 2199. Wider values are typing mistakes or probes,
    /// and the calendar's edges break conversions (NodaTime, .NET's DateTime and the databases disagree about them).
    /// </summary>
    public const int FirstYear = 1990;
    public const int LastYear = 2199;

    public bool Plausible(string field, int year)
    {
        if (year is >= FirstYear and <= LastYear)
        {
            return true;
        }

        Add(field, $"must lie between the years {FirstYear} and {LastYear}.");
        return false;
    }

    /// <summary>An optional text; single-line unless <paramref name="lineBreaksAllowed"/> (notes).</summary>
    public void MaxLength(string field, string? value, int maxLength, bool lineBreaksAllowed = false)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        if (SafeText.HasControl(value, lineBreaksAllowed))
        {
            Add(field, SafeText.Refusal);
        }
    }

    public DateTimeZone? TimeZone(string field, string? id)
    {
        if (Required(field, id, 64) is null)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id!);
        if (zone is null)
        {
            Add(field, $"'{id}' is not an IANA time zone (e.g. Europe/Berlin).");
        }

        return zone;
    }

    /// <summary>An ISO 8601 duration with no years or months (their length varies), e.g. PT4H or P1DT2H.</summary>
    public Duration? IsoDuration(string field, string? text, bool mustBePositive)
    {
        if (Required(field, text, 64) is null)
        {
            return null;
        }

        var parsed = PeriodPattern.NormalizingIso.Parse(text!);
        if (!parsed.Success || parsed.Value.Years != 0 || parsed.Value.Months != 0)
        {
            Add(field, $"'{text}' is not an ISO 8601 duration in weeks, days, hours, minutes or seconds (e.g. PT4H).");
            return null;
        }

        var duration = parsed.Value.ToDuration();
        if (duration < Duration.Zero || (mustBePositive && duration == Duration.Zero))
        {
            Add(field, mustBePositive ? "must be longer than zero." : "must not be negative.");
            return null;
        }

        return duration;
    }

    /// <summary>A time of day "HH:mm"; where an interval <paramref name="closes"/>, "24:00" too (the end of the day, read as midnight).</summary>
    public LocalTime? Time(string field, string? text, bool closes = false)
    {
        if (Required(field, text, 5) is null)
        {
            return null;
        }

        var parsed = closes ? TimeOfDay.ParseClosing(text!) : TimeOfDay.Parse(text!);
        if (!parsed.Success)
        {
            Add(field, text == TimeOfDay.EndOfDay ? "'24:00' is only allowed where opening hours close (the end of the day)." : $"'{text}' is not a time of day as HH:mm.");
            return null;
        }

        return parsed.Value;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex CodePattern();
}
