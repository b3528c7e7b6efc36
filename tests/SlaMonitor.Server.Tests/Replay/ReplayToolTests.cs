using System.Text.Json.Nodes;
using SlaMonitor.Replay;

namespace SlaMonitor.Server.Tests.Replay;

/// <summary>Issue 17, point 3: the replay tool runs the real server on a virtual clock, deterministically, and reports bad rows.</summary>
public sealed class ReplayToolTests
{
    /// <summary>The first 150 Olist orders (purchased October 2016 to February 2017), scored from mid-January.</summary>
    private const int Rows = 450;

    private static ReplayOptions Options(string input) => new()
    {
        Input = input,
        TrainUntil = NodaTime.Instant.FromUtc(2017, 1, 15, 0, 0),
        Quiet = true,
    };

    [Fact]
    public async Task Two_runs_over_the_same_input_give_the_same_report_apart_from_wall_time()
    {
        var input = ReplayFolders.OlistSlice(Rows);

        var (first, _) = await Replayer.RunAsync(Options(input), ct: TestContext.Current.CancellationToken);
        var (second, _) = await Replayer.RunAsync(Options(input), ct: TestContext.Current.CancellationToken);

        Assert.True(first.Promises > 0 && first.Looks > 0, $"{first.Promises} promises, {first.Looks} looks");
        Assert.Equal(WithoutTiming(first), WithoutTiming(second));
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_number_with_the_reason_and_skipped_while_the_rest_is_replayed()
    {
        var input = ReplayFolders.OlistSlice(
            30,
            "olist,x-1/opened,repair,OPENED,2016-10-05T10:00:00,x-1,,,OLIST,BR-SP,OLIST-STANDARD,",
            "nobody,x-2/opened,repair,OPENED,2016-10-05T10:00:00-03:00,x-2,,,OLIST,BR-SP,OLIST-STANDARD,",
            "olist,x-3/lost,shipment,TELEPORTED,2016-10-05T10:00:00-03:00,x-3,,,,,,",
            "olist,x-4/opened,repair,OPENED,2016-10-05T11:00:00-03:00,x-4,,,OLIST,BR-SP,OLIST-STANDARD,2016-10-05T10:00:00-03:00");

        var (report, promises) = await Replayer.RunAsync(Options(input) with { TrainUntil = null }, ct: TestContext.Current.CancellationToken);

        Assert.Equal([32, 33, 34, 35], report.BadRows.Select(b => b.Line));
        Assert.Contains("occurredAt", report.BadRows[0].Problem, StringComparison.Ordinal);
        Assert.Contains("carrier", report.BadRows[1].Problem, StringComparison.Ordinal);
        Assert.Contains("code", report.BadRows[2].Problem, StringComparison.Ordinal);
        Assert.Contains("opened.promisedBy", report.BadRows[3].Problem, StringComparison.Ordinal);
        Assert.Equal(10, promises.Count);
        Assert.DoesNotContain(promises, p => p.TicketRef.StartsWith("x-", StringComparison.Ordinal));
    }

    [Fact]
    public void Expected_calibration_error_is_the_look_weighted_gap_between_mean_probability_and_share_late_per_bin()
    {
        // Bin 0.2–0.3: 0.25 four times, 1 of 4 late (gap 0). Bin 0.9–1.0: 0.95 twice, 1 of 2 late (gap 0.45). 6 looks.
        List<(double, double)> looks = [(0.25, 1), (0.25, 0), (0.25, 0), (0.25, 0), (0.95, 1), (0.95, 0)];

        var bins = ReportBuilder.Calibration(looks);

        Assert.Equal([4, 2], bins.Where(b => b.Count > 0).Select(b => b.Count));
        Assert.Equal(2 * 0.45 / 6, ReportBuilder.ExpectedCalibrationError(bins)!.Value, 4);
    }

    [Fact]
    public void The_default_threshold_rule_takes_the_highest_recall_with_precision_of_at_least_80_percent_then_the_longer_lead()
    {
        ThresholdRow[] rows =
        [
            new(0.60, 1.00, 0.70, 60, 30), new(0.70, 0.97, 0.80, 40, 25), new(0.75, 0.97, 0.85, 45, 24), new(0.90, 0.80, 0.95, 10, 10),
        ];

        Assert.Equal(0.75, ReportBuilder.Choose(rows)!.Threshold);
        Assert.Null(ReportBuilder.Choose(rows.Where(r => r.Precision < 0.8)));
    }

    private static string WithoutTiming(ReplayReport report)
    {
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(report, ReportFiles.Json))!.AsObject();
        json.Remove("timing");
        return json.ToJsonString();
    }
}
