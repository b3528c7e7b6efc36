using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Engine;

/// <summary>What a policy promises: a duration on the policy's clock, or a next-business-day cut-off rule.</summary>
public abstract record SlaTarget
{
    public static SlaTarget Within(Duration duration) => new DurationTarget(duration);

    /// <summary>An ISO 8601 duration such as "PT4H" or "P1DT2H" (days are 24 hours).</summary>
    public static SlaTarget Within(string isoDuration) =>
        new DurationTarget(PeriodPattern.NormalizingIso.Parse(isoDuration).Value.ToDuration());

    public static SlaTarget NextBusinessDayBy(LocalTime by, LocalTime cutoff, int days = 1) =>
        new NextBusinessDayTarget(by, cutoff, days);
}
