using NodaTime;

namespace SlaMonitor.Server.Demo;

/// <summary>
/// Counts what the demo traffic generator sends and hands the counts over once per minute of clock time,
/// so the console shows one summary line a minute instead of HttpClient's lines for every request.
/// </summary>
public sealed class DemoTrafficTally(IClock clock)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private Instant _minuteStart = clock.GetCurrentInstant();
    private int _posted;
    private int _opened;
    private int _closed;
    private int _failed;

    public void TicketOpened() => _opened++;

    public void TicketClosed() => _closed++;

    public void Posted(bool delivered)
    {
        _posted++;
        if (!delivered)
        {
            _failed++;
        }
    }

    /// <summary>
    /// Once a minute has passed since the tally started or last handed over: that minute's counts, and the
    /// counting starts again from zero; otherwise null. Minutes stay on the tally's start, so the summaries
    /// do not drift by the time between calls; after a longer gap (a suspended machine) one summary covers all of it.
    /// </summary>
    public DemoTrafficMinute? TakeFinishedMinute()
    {
        var elapsed = clock.GetCurrentInstant() - _minuteStart;
        if (elapsed < Minute)
        {
            return null;
        }

        var minute = new DemoTrafficMinute(_posted, _opened, _closed, _failed);
        _minuteStart += Duration.FromMinutes(Math.Floor(elapsed / Minute));
        _posted = _opened = _closed = _failed = 0;
        return minute;
    }
}
