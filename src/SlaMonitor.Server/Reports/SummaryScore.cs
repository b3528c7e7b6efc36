using System.Globalization;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The executive score, 0–100: a weighted mean of four parts, each on 0–100 and rounded to one decimal, over the parts
/// that have a value (a period without escalations scores on attainment and open breaches alone). The score is
/// computed from the rounded parts, so the working shown next to it adds up by hand.
/// </summary>
public static class SummaryScore
{
    public const int AttainmentWeight = 50;
    public const int PreventedWeight = 20;
    public const int AcknowledgeWeight = 20;
    public const int OpenBreachWeight = 10;

    /// <summary>Points an open breach costs its part (ten open breaches: 0).</summary>
    public const int PointsPerOpenBreach = 10;

    /// <summary>The median time to acknowledge that earns full points: the ladder's usual 15 minutes before the account manager is told.</summary>
    public static readonly TimeSpan AcknowledgeTarget = TimeSpan.FromMinutes(15);

    public static readonly string Formula =
        $"score = ({AttainmentWeight} × attainment + {PreventedWeight} × breaches prevented + {AcknowledgeWeight} × time to acknowledge "
        + $"+ {OpenBreachWeight} × open breaches) ÷ the sum of the weights of the parts that have a value, each part on 0–100: "
        + "attainment = 100 × met ÷ (met + missed); breaches prevented = 100 × escalations whose promise finished on time ÷ escalations "
        + "whose promise finished (met or missed); time to acknowledge = 100 × min(1, 15 min ÷ median time to acknowledge); "
        + $"open breaches = max(0, 100 − {PointsPerOpenBreach} × promises past their deadline and still open at the end of the range, or now if earlier).";

    public static SummaryPoints Points(SummaryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new SummaryPoints(
            Share(facts.Met, facts.Met + facts.Missed),
            Share(facts.Prevented, facts.Settled),
            facts.MedianTimeToAcknowledge is { } median
                ? Round(median <= AcknowledgeTarget ? 100m : 100m * (decimal)AcknowledgeTarget.TotalSeconds / (decimal)median.TotalSeconds)
                : null,
            Math.Max(0, 100 - (PointsPerOpenBreach * facts.OpenBreaches)));
    }

    public static double Of(SummaryPoints points) => Round(Parts(points).Sum(p => p.Weight * (decimal)p.Value) / Parts(points).Sum(p => p.Weight));

    /// <summary>The score worked out, e.g. "(50 × 66.7 + 10 × 100) ÷ 60 = 72.3".</summary>
    public static string Working(SummaryPoints points)
    {
        var parts = Parts(points).ToList();
        var sum = string.Join(" + ", parts.Select(p => $"{p.Weight} × {Text(p.Value)}"));
        return $"({sum}) ÷ {parts.Sum(p => p.Weight)} = {Text(Of(points))}";
    }

    private static IEnumerable<(int Weight, double Value)> Parts(SummaryPoints p)
    {
        (int, double?)[] all = [(AttainmentWeight, p.Attainment), (PreventedWeight, p.BreachesPrevented), (AcknowledgeWeight, p.TimeToAcknowledge), (OpenBreachWeight, p.OpenBreaches)];
        return all.Where(x => x.Item2 is not null).Select(x => (x.Item1, x.Item2!.Value));
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Round(100m * part / whole);

    /// <summary>To one decimal, halves away from zero, computed in decimal so that a value ending in 5 rounds as by hand.</summary>
    public static double Round(decimal value) => (double)Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static string Text(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
