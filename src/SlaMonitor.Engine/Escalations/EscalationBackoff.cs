using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>Re-notification delays: <see cref="First"/>, doubled each time, capped at <see cref="Cap"/> (15 min, 30 min, 1 h, 1 h, …).</summary>
public sealed record EscalationBackoff(Duration First, Duration Cap)
{
    public static readonly EscalationBackoff Default = new(Duration.FromMinutes(15), Duration.FromHours(1));

    /// <summary>The delay before re-notification number <paramref name="renotifyCount"/> + 1.</summary>
    public Duration Delay(int renotifyCount)
    {
        var delay = First;
        for (var i = 0; i < renotifyCount && delay < Cap; i++)
        {
            delay += delay;
        }

        return delay < Cap ? delay : Cap;
    }
}
