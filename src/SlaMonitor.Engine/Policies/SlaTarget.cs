using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>What a policy promises: a duration on the policy's clock, or a next-business-day cut-off rule.</summary>
public abstract record SlaTarget
{
    public static SlaTarget Within(Duration duration) => new DurationTarget(duration);

    public static SlaTarget NextBusinessDayBy(LocalTime by, LocalTime cutoff, int days = 1) =>
        new NextBusinessDayTarget(by, cutoff, days);
}

/// <summary><c>PT4H</c>: elapsed or business time, depending on <see cref="SlaPolicy.Clock"/>.</summary>
public sealed record DurationTarget(Duration Duration) : SlaTarget;

/// <summary><c>{ "nextBusinessDayBy": "17:00", "cutoff": "15:00" }</c>, generalised to N business days.</summary>
public sealed record NextBusinessDayTarget(LocalTime By, LocalTime Cutoff, int Days = 1) : SlaTarget;
