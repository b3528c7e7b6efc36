using NodaTime;
using NodaTime.TimeZones;

namespace SlaMonitor.Engine;

/// <summary>
/// A destination site's business calendar: IANA zone, working days, working intervals and holidays.
/// Business time is real elapsed time during which the site's wall clock is inside a working interval
/// on a working, non-holiday day (see docs/sla-semantics.md for the DST rules).
/// </summary>
public sealed class SiteCalendar
{
    // An opening time that falls twice (fall-back) opens at its first occurrence; one that falls in a
    // spring-forward gap opens at the end of the gap. Closing times close at their last occurrence.
    private static readonly ZoneLocalMappingResolver OpeningResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver ClosingResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    private const int MaxDaysSearched = 366 * 10;

    private readonly bool[] _isWorkingDay = new bool[8];
    private readonly WorkingInterval[] _intervals;
    private readonly HashSet<LocalDate> _holidays;

    public SiteCalendar(
        DateTimeZone zone,
        IEnumerable<IsoDayOfWeek> workingDays,
        IEnumerable<WorkingInterval> intervals,
        IEnumerable<LocalDate>? holidays = null)
        : this(zone, workingDays, intervals, holidays, alwaysOpen: false)
    {
    }

    private SiteCalendar(
        DateTimeZone zone,
        IEnumerable<IsoDayOfWeek> workingDays,
        IEnumerable<WorkingInterval> intervals,
        IEnumerable<LocalDate>? holidays,
        bool alwaysOpen)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(intervals);
        Zone = zone;
        IsAlwaysOpen = alwaysOpen;
        foreach (var day in workingDays)
        {
            _isWorkingDay[(int)day] = true;
        }

        _intervals = [.. intervals.OrderBy(i => i.Start)];
        _holidays = holidays is null ? [] : [.. holidays];
        Validate();
    }

    public DateTimeZone Zone { get; }

    public bool IsAlwaysOpen { get; }

    public IReadOnlyList<WorkingInterval> Intervals => _intervals;

    public IReadOnlySet<LocalDate> Holidays => _holidays;

    public IEnumerable<IsoDayOfWeek> WorkingDays =>
        Enumerable.Range(1, 7).Where(d => _isWorkingDay[d]).Select(d => (IsoDayOfWeek)d);

    /// <summary>24x7: every instant is business time, no holidays.</summary>
    public static SiteCalendar AlwaysOpen(DateTimeZone zone) =>
        new(zone, Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d),
            [new WorkingInterval(LocalTime.Midnight, LocalTime.Midnight)], null, alwaysOpen: true);

    /// <summary>Monday to Friday, one interval, optional holidays.</summary>
    public static SiteCalendar Weekdays(DateTimeZone zone, LocalTime opens, LocalTime closes, IEnumerable<LocalDate>? holidays = null) =>
        new(zone, [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
            [new WorkingInterval(opens, closes)], holidays);

    public bool IsBusinessDay(LocalDate date) => _isWorkingDay[(int)date.DayOfWeek] && !_holidays.Contains(date);

    public ZonedDateTime AtSite(Instant instant) => instant.InZone(Zone);

    /// <summary>The instant at which <paramref name="businessTime"/> of business time has run from <paramref name="start"/>.
    /// Landing exactly on a closing time returns that closing time, not the next opening.</summary>
    public Instant AddBusinessTime(Instant start, Duration businessTime)
    {
        if (businessTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(businessTime), "Business time to add must not be negative.");
        }

        if (IsAlwaysOpen || businessTime == Duration.Zero)
        {
            return start + businessTime;
        }

        var remaining = businessTime;
        var date = start.InZone(Zone).Date.PlusDays(-1);
        var lastEnd = Instant.MinValue;
        for (var day = 0; day < MaxDaysSearched; day++, date = date.PlusDays(1))
        {
            if (!IsBusinessDay(date))
            {
                continue;
            }

            foreach (var interval in _intervals)
            {
                var (windowStart, windowEnd) = Window(date, interval, ref lastEnd);
                if (windowEnd <= start)
                {
                    continue;
                }

                var from = windowStart > start ? windowStart : start;
                var available = windowEnd - from;
                if (available >= remaining)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException($"No business time found within {MaxDaysSearched} days; check the calendar.");
    }

    /// <summary>Business time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        if (IsAlwaysOpen || to == from)
        {
            return to - from;
        }

        var total = Duration.Zero;
        var date = from.InZone(Zone).Date.PlusDays(-1);
        var lastDate = to.InZone(Zone).Date;
        var lastEnd = Instant.MinValue;
        for (; date <= lastDate; date = date.PlusDays(1))
        {
            if (!IsBusinessDay(date))
            {
                continue;
            }

            foreach (var interval in _intervals)
            {
                var (windowStart, windowEnd) = Window(date, interval, ref lastEnd);
                var overlapStart = windowStart > from ? windowStart : from;
                var overlapEnd = windowEnd < to ? windowEnd : to;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>Next business day strictly after <paramref name="date"/>.</summary>
    public LocalDate NextBusinessDay(LocalDate date)
    {
        for (var day = 0; day < MaxDaysSearched; day++)
        {
            date = date.PlusDays(1);
            if (IsBusinessDay(date))
            {
                return date;
            }
        }

        throw new InvalidOperationException($"No business day found within {MaxDaysSearched} days; check the calendar.");
    }

    /// <summary>Resolves a site-local date and time to an instant the way closing times and deadlines are resolved:
    /// a time in a spring-forward gap becomes the end of the gap, a repeated time its later occurrence.</summary>
    public Instant ResolveClosing(LocalDateTime local) => Zone.ResolveLocal(local, ClosingResolver).ToInstant();

    private (Instant Start, Instant End) Window(LocalDate date, WorkingInterval interval, ref Instant lastEnd)
    {
        var start = Zone.ResolveLocal(date + interval.Start, OpeningResolver).ToInstant();
        var end = interval.EndsAtMidnight
            ? Zone.ResolveLocal(date.PlusDays(1).AtMidnight(), ClosingResolver).ToInstant()
            : Zone.ResolveLocal(date + interval.End, ClosingResolver).ToInstant();

        // A repeated (fall-back) hour can make neighbouring windows overlap; never count an instant twice.
        if (start < lastEnd)
        {
            start = lastEnd;
        }

        if (end < start)
        {
            end = start;
        }

        lastEnd = end;
        return (start, end);
    }

    private void Validate()
    {
        if (!_isWorkingDay.Any(d => d))
        {
            throw new ArgumentException("A calendar needs at least one working day.");
        }

        if (_intervals.Length == 0)
        {
            throw new ArgumentException("A calendar needs at least one working interval.");
        }

        var previousEnd = LocalTime.Midnight;
        for (var i = 0; i < _intervals.Length; i++)
        {
            var interval = _intervals[i];
            if (!interval.EndsAtMidnight && interval.End <= interval.Start)
            {
                throw new ArgumentException($"Working interval {interval.Start}-{interval.End} must end after it starts.");
            }

            if (i > 0 && (interval.Start < previousEnd || _intervals[i - 1].EndsAtMidnight))
            {
                throw new ArgumentException("Working intervals must not overlap.");
            }

            previousEnd = interval.End;
        }
    }
}
