using SlaMonitor.Server.Reports;

namespace SlaMonitor.Server.Tests;

/// <summary>The executive score's formula on its own, each case worked out by hand.</summary>
public sealed class SummaryScoreTests
{
    [Theory]
    // met, missed, escalations, settled, prevented, acknowledged, median minutes (-1: none), open breaches → working
    [InlineData(6, 5, 5, 4, 2, 4, 35, 2, "(50 × 54.5 + 20 × 50 + 20 × 42.9 + 10 × 80) ÷ 100 = 53.8")]
    [InlineData(3, 0, 0, 0, 0, 0, -1, 0, "(50 × 100 + 10 × 100) ÷ 60 = 100")]
    [InlineData(1, 1, 2, 0, 0, 2, 5, 0, "(50 × 50 + 20 × 100 + 10 × 100) ÷ 80 = 68.8")]
    [InlineData(0, 0, 1, 1, 1, 1, 0, 0, "(20 × 100 + 20 × 100 + 10 × 100) ÷ 50 = 100")]
    [InlineData(0, 0, 0, 0, 0, 0, -1, 12, "(10 × 0) ÷ 10 = 0")]
    // 28.65 exactly: rounds up, although the nearest double to 28.65 lies below it.
    [InlineData(1, 2, 3, 3, 0, 1, 60, 3, "(50 × 33.3 + 20 × 0 + 20 × 25 + 10 × 70) ÷ 100 = 28.7")]
    [InlineData(1, 0, 0, 0, 0, 0, -1, 9, "(50 × 100 + 10 × 10) ÷ 60 = 85")]
    public void Score_is_the_weighted_mean_of_the_parts_that_have_a_value(
        int met, int missed, int escalations, int settled, int prevented, int acknowledged, int medianMinutes, int open, string working)
    {
        var facts = new SummaryFacts(met, missed, escalations, settled, prevented, acknowledged, medianMinutes < 0 ? null : TimeSpan.FromMinutes(medianMinutes), open);

        Assert.Equal(working, SummaryScore.Working(SummaryScore.Points(facts)));
    }
}
