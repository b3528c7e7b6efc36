using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Replay;

/// <summary>
/// <c>--input DIR --report DIR [--train-until INSTANT] [--score-from INSTANT] [--score-until INSTANT] [--every PT1H]
/// [--rebuild-every P1D] [--threshold 0.82] [--choose-threshold] [--quiet]</c>. Promises opened before <see cref="TrainUntil"/> only teach;
/// those opened in [<see cref="ScoreFrom"/>, <see cref="ScoreUntil"/>) are scored.
/// </summary>
public sealed record ReplayOptions
{
    public required string Input { get; init; }
    public string? Report { get; init; }
    public Instant? TrainUntil { get; init; }
    public Instant? ScoreFrom { get; init; }
    public Instant? ScoreUntil { get; init; }

    /// <summary>The evaluation tick in virtual time (besides every event).</summary>
    public Duration Every { get; init; } = Duration.FromHours(1);

    /// <summary>Lane statistics are rebuilt at this period in virtual time: daily by default, for speed (the server rebuilds
    /// hourly, <c>LaneStatisticsRefresher.Every</c>; <c>--rebuild-every PT1H</c> replays that exactly, about twice as slow).</summary>
    public Duration RebuildEvery { get; init; } = Duration.FromDays(1);

    /// <summary>The probability threshold for every policy of config.json that sets none (else the product default).</summary>
    public double? Threshold { get; init; }

    public bool ChooseThreshold { get; init; }
    public bool Quiet { get; init; }

    public Instant EffectiveScoreFrom => ScoreFrom ?? TrainUntil ?? Instant.FromUtc(1900, 1, 1, 0, 0);

    public Instant EffectiveScoreUntil => ScoreUntil ?? Instant.FromUtc(9000, 1, 1, 0, 0);

    public const string Usage =
        "usage: SlaMonitor.Replay --input DIR --report DIR [--train-until INSTANT] [--score-from INSTANT] [--score-until INSTANT] " +
        "[--every PT1H] [--rebuild-every P1D] [--threshold 0.82] [--choose-threshold] [--quiet]\n" +
        "       SlaMonitor.Replay convert-olist --olist DIR --output DIR\n" +
        "       SlaMonitor.Replay section --validate report.json --test report.json --into docs/prediction.md";

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static ReplayOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = Values(args, ["--choose-threshold", "--quiet"]);
        var input = values.GetValueOrDefault("--input") ?? throw new ArgumentException("--input DIR is required.");
        var options = new ReplayOptions
        {
            Input = input,
            Report = values.GetValueOrDefault("--report"),
            TrainUntil = InstantOf(values, "--train-until"),
            ScoreFrom = InstantOf(values, "--score-from"),
            ScoreUntil = InstantOf(values, "--score-until"),
            Threshold = values.TryGetValue("--threshold", out var t) ? Probability(t) : null,
            ChooseThreshold = values.ContainsKey("--choose-threshold"),
            Quiet = values.ContainsKey("--quiet"),
        };
        options = options with
        {
            Every = DurationOf(values, "--every") ?? options.Every,
            RebuildEvery = DurationOf(values, "--rebuild-every") ?? options.RebuildEvery,
        };
        if (options.Report is null && !options.ChooseThreshold)
        {
            throw new ArgumentException("--report DIR is required (unless --choose-threshold).");
        }

        return options;
    }

    /// <summary>"--name value" pairs and bare flags.</summary>
    internal static Dictionary<string, string> Values(IReadOnlyList<string> args, IReadOnlyCollection<string> flags)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (flags.Contains(args[i]))
            {
                values[args[i]] = "";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'.");
            }
        }

        return values;
    }

    private static Instant? InstantOf(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value.ToInstant();
        }

        var date = LocalDatePattern.Iso.Parse(text);
        return date.Success
            ? date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
            : throw new ArgumentException($"{name}: '{text}' is not an instant with an offset (2018-01-01T00:00:00-03:00) or a date (UTC midnight).");
    }

    private static double Probability(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is > 0 and < 1
            ? p
            : throw new ArgumentException($"--threshold: '{text}' is not a probability between 0 and 1 (exclusive).");

    private static Duration? DurationOf(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        var duration = parsed.Success && parsed.Value is { Years: 0, Months: 0 } p
            ? Duration.FromDays(p.Days + (p.Weeks * 7)) + Duration.FromHours(p.Hours) + Duration.FromMinutes(p.Minutes) + Duration.FromSeconds(p.Seconds)
            : (Duration?)null;
        return duration is { } d && d > Duration.Zero ? d : throw new ArgumentException($"{name}: '{text}' is not a positive ISO 8601 duration (PT1H, P1D).");
    }
}
