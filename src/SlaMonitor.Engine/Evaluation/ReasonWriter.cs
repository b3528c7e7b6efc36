using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Engine;

/// <summary>Writes an evaluation's reasons in words, e.g.
/// "customs hold at DE-FRA for 3h10m; median release on this lane 5h45m; 2h05m left".</summary>
internal static class ReasonWriter
{
    private static readonly ZonedDateTimePattern SiteTime =
        ZonedDateTimePattern.CreateWithInvariantCulture("ddd dd MMM HH:mm o<m>", null);

    public static IReadOnlyList<string> Write(Evaluation evaluation)
    {
        var promise = evaluation.Promise;
        if (promise is null)
        {
            return [];
        }

        var reasons = new List<string>();
        switch (evaluation.Status)
        {
            case PromiseStatus.Met:
                reasons.Add($"fulfilled {Words(evaluation.TimeToBreach)} before the deadline ({SiteTime.Format(evaluation.Deadline)})");
                break;
            case PromiseStatus.Missed:
                reasons.Add($"fulfilled {Words(-evaluation.TimeToBreach)} after the deadline ({SiteTime.Format(evaluation.Deadline)})");
                break;
            case PromiseStatus.Cancelled:
                reasons.Add("cancelled; not counted");
                break;
            case PromiseStatus.Breached:
                reasons.Add($"deadline {SiteTime.Format(evaluation.Deadline)} passed {Words(-evaluation.TimeToBreach)} ago");
                break;
            case PromiseStatus.Paused when promise.CountingOpenPause is { } pause:
                reasons.Add($"paused ({Blame(pause.Blame)}) for {Words(evaluation.EvaluatedAt - pause.Start)}; deadline moves to {SiteTime.Format(evaluation.Deadline)} if it ends now");
                break;
            default:
                WriteOpen(evaluation, promise, reasons);
                break;
        }

        if (evaluation.PausedTime.Total > Duration.Zero)
        {
            reasons.Add("paused time: " + string.Join(", ", PausedParts(evaluation.PausedTime)));
        }

        return reasons;
    }

    private static void WriteOpen(Evaluation evaluation, PromiseState promise, List<string> reasons)
    {
        var left = Words(evaluation.TimeToBreach) + " left";
        var stage = evaluation.Stage;
        var inStage = Words(evaluation.EvaluatedAt - promise.StageEnteredAt);
        if (promise.Stage == PromiseStage.CustomsHold)
        {
            var where = promise.HoldLocation is null ? string.Empty : " at " + promise.HoldLocation;
            var median = stage?.MedianDuration is { } m && stage.MedianDurationLevel is { } level
                ? $"; median release on {OnLevel(level, promise)} {Words(m)}"
                : string.Empty;
            reasons.Add($"customs hold{where} for {inStage}{median}; {left}");
        }
        else
        {
            reasons.Add($"{StageWords(promise.Stage)} for {inStage}; {left}");
        }

        if ((evaluation.Risks & RiskSignals.ProbabilityOverThreshold) != 0)
        {
            var predicted = evaluation.PredictedCompletion is { } p ? $"; predicted {SiteTime.Format(p)}" : string.Empty;
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"{evaluation.ProbabilityLate:P0} likely to finish late, {evaluation.EstimateSource}{predicted}"));
        }

        if ((evaluation.Risks & RiskSignals.Stalled) != 0 && stage?.NormalGap is { } gap && stage.NormalGapLevel is { } gapLevel)
        {
            var silence = evaluation.EvaluatedAt - Instant.Max(promise.LastScanAt, promise.StageEnteredAt);
            var whose = gapLevel == promise.Lane ? "this lane's normal gap" : $"the normal gap on {gapLevel.Describe()}";
            reasons.Add($"no scan for {Words(silence)}; {whose} in this stage is {Words(gap)}");
        }

        if ((evaluation.Risks & RiskSignals.InsideMargin) != 0)
        {
            reasons.Add($"less than the at-risk margin of {Words(promise.Policy.AtRiskMargin)} left");
        }

        if ((evaluation.Risks & RiskSignals.EstimateAfterDeadline) != 0 && promise.EstimatedArrival is { } eta)
        {
            reasons.Add($"carrier estimate {SiteTime.Format(eta.InZone(promise.Calendar.Zone))} is after the deadline");
        }
    }

    private static string OnLevel(LaneKey level, PromiseState promise) => level == promise.Lane ? "this lane" : level.Describe();

    private static IEnumerable<string> PausedParts(BlameDurations paused) =>
        new[] { BlameCategory.Customer, BlameCategory.Customs, BlameCategory.Carrier, BlameCategory.Weather, BlameCategory.Other }
            .Where(c => paused[c] > Duration.Zero)
            .Select(c => $"{Blame(c)} {Words(paused[c])}");

    private static string StageWords(PromiseStage stage) => stage switch
    {
        PromiseStage.AwaitingPickup => "awaiting pickup",
        PromiseStage.InTransit => "in transit",
        PromiseStage.OutForDelivery => "out for delivery",
        PromiseStage.AwaitingTechnician => "awaiting technician",
        PromiseStage.TechnicianOnSite => "technician on site",
        _ => "customs hold",
    };

    private static string Blame(BlameCategory blame) => blame switch
    {
        BlameCategory.Customer => "customer",
        BlameCategory.Customs => "customs",
        BlameCategory.Carrier => "carrier",
        BlameCategory.Weather => "weather",
        _ => "other",
    };

    private static string Words(Duration duration) => DurationWords.Format(duration);
}
