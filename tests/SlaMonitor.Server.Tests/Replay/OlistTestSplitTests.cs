using System.Globalization;
using System.Text.RegularExpressions;
using SlaMonitor.Engine;
using SlaMonitor.Replay;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests.Replay;

/// <summary>
/// Issue 17, point 4: the published prediction quality is what the replay tool measures on the Olist test split (orders
/// purchased from 2018-04-01, trained on everything before) with the product's default threshold, and that default is
/// the one the threshold rule chose on the validate split (docs/prediction.md; tools/SlaMonitor.Replay/olist.sh
/// regenerates both). The replay is deterministic, so the figures must match to the last printed digit.
/// </summary>
public sealed partial class OlistTestSplitTests
{
    private static readonly Lazy<Task<ReplayReport>> TestSplit = new(async () =>
    {
        var options = new ReplayOptions { Input = ReplayFolders.ConvertedOlist(), TrainUntil = NodaTime.Instant.FromUtc(2018, 4, 1, 0, 0), Quiet = true };
        return (await Replayer.RunAsync(options)).Report;
    });

    private static string Published => File.ReadAllText(RepositoryFiles.PathOf("docs", "prediction.md"));

    [Fact]
    public async Task The_published_test_split_figures_of_the_model_and_the_baselines_are_what_the_tool_measures_with_the_default_threshold()
    {
        var report = await TestSplit.Value;

        foreach (var line in ReportMarkdown.ScoreLines("**test**", report).Concat(ReportMarkdown.CalibrationLines(report)))
        {
            Assert.Contains(line, Published, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task At_least_95_percent_of_the_late_orders_of_the_test_split_are_warned_before_their_deadline()
    {
        var report = await TestSplit.Value;

        Assert.True(report.Late >= 50, $"{report.Late} late orders");
        Assert.True(report.Recall >= 0.95, $"recall {report.Recall:P1}");
    }

    [Fact]
    public void The_default_threshold_is_the_one_the_rule_chose_on_the_validate_split()
    {
        var chosen = ChosenOnValidate().Match(Published);

        Assert.True(chosen.Success, "docs/prediction.md names no threshold chosen on validate");
        Assert.Equal(SlaPolicy.DefaultProbabilityThreshold, double.Parse(chosen.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"Threshold rule on \*\*validate\*\*[^:]*: \*\*([0-9.]+)\*\*")]
    private static partial Regex ChosenOnValidate();
}
