using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace SlaMonitor.Engine.Tests.Prediction;

public class RecencyAndCensoringProperties
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    [Property(MaxTest = 300)]
    public Property Recency_weights_lie_in_0_to_1_and_never_grow_with_age()
    {
        var cases =
            from halfLifeHours in Gen.Choose(1, 24 * 365)
            from ageA in Gen.Choose(0, 24 * 3650)
            from ageB in Gen.Choose(0, 24 * 3650)
            select (halfLifeHours, ageA: Math.Min(ageA, ageB), ageB: Math.Max(ageA, ageB));

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var halfLife = Duration.FromHours(c.halfLifeHours);
            var younger = RecencyWeight.Of(Now - Duration.FromHours(c.ageA), Now, halfLife);
            var older = RecencyWeight.Of(Now - Duration.FromHours(c.ageB), Now, halfLife);
            return younger is >= 0 and <= 1 && older is >= 0 and <= 1 && older <= younger;
        });
    }

    [Property(MaxTest = 300)]
    public Property With_unit_weights_and_nothing_censored_survival_is_the_share_of_samples_above()
    {
        var cases =
            from shares in Gen.NonEmptyListOf(Gen.Choose(0, 200).Select(i => i / 100.0))
            from probe in Gen.Choose(-10, 210).Select(i => i / 100.0)
            select (shares, probe);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var statistics = new StageStatistics(c.shares.Select(s => new ShareSample(s)), [], [], 0);
            var above = (double)c.shares.Count(s => s > c.probe) / c.shares.Count;
            return statistics.Survival(c.probe) == above && statistics.EffectiveCount == c.shares.Count;
        });
    }

    [Property(MaxTest = 300)]
    public Property Survival_with_censored_samples_never_rises_and_stays_between_0_and_1()
    {
        var cases =
            from samples in Gen.NonEmptyListOf(
                from share in Gen.Choose(0, 200)
                from weight in Gen.Choose(1, 100)
                from censored in Gen.Elements(true, false)
                select new ShareSample(share / 100.0, weight / 100.0, censored))
            from a in Gen.Choose(-10, 210)
            from b in Gen.Choose(-10, 210)
            select (samples, low: Math.Min(a, b) / 100.0, high: Math.Max(a, b) / 100.0);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var statistics = new StageStatistics(c.samples, [], [], 0);
            var (low, high) = (statistics.Survival(c.low), statistics.Survival(c.high));
            return low is >= 0 and <= 1 && high is >= 0 and <= 1 && high <= low + 1e-12;
        });
    }
}
