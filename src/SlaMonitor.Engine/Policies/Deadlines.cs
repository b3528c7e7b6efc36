using NodaTime;

namespace SlaMonitor.Engine;

public static class Deadlines
{
    /// <summary>The deadline before any pause, on the destination site's calendar.</summary>
    public static Instant Compute(SlaPolicy policy, SiteCalendar calendar, Instant openedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return policy.Target switch
        {
            DurationTarget { Duration: var d } when policy.Clock == SlaClock.Elapsed => openedAt + d,
            DurationTarget { Duration: var d } => calendar.AddBusinessTime(openedAt, d),
            NextBusinessDayTarget rule => NextBusinessDay(rule, calendar, openedAt),
            _ => throw new ArgumentException($"Unknown target {policy.Target}.", nameof(policy)),
        };
    }

    /// <summary>Moves a deadline by paused time measured on the policy's clock.</summary>
    public static Instant Extend(Instant deadline, Duration paused, SlaClock clock, SiteCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (paused <= Duration.Zero)
        {
            return deadline;
        }

        return clock == SlaClock.Elapsed ? deadline + paused : calendar.AddBusinessTime(deadline, paused);
    }

    /// <summary>Length of an interval on the policy's clock.</summary>
    public static Duration Measure(Instant from, Instant to, SlaClock clock, SiteCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return clock == SlaClock.Elapsed ? to - from : calendar.BusinessTimeBetween(from, to);
    }

    private static Instant NextBusinessDay(NextBusinessDayTarget rule, SiteCalendar calendar, Instant openedAt)
    {
        if (rule.Days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Days must not be negative.");
        }

        var local = calendar.AtSite(openedAt).LocalDateTime;
        var effectiveDay = calendar.IsBusinessDay(local.Date) && local.TimeOfDay < rule.Cutoff
            ? local.Date
            : calendar.NextBusinessDay(local.Date);

        var dueDay = effectiveDay;
        for (var i = 0; i < rule.Days; i++)
        {
            dueDay = calendar.NextBusinessDay(dueDay);
        }

        return calendar.ResolveClosing(dueDay + rule.By);
    }
}
