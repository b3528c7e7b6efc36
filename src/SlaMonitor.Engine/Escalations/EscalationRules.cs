using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// The escalation ladder as pure functions. A step's <c>After</c> counts from the escalation's opening:
/// with steps (1 board PT0M, 2 accountManager PT15M) level 2 is reached 15 minutes after opening unless
/// acknowledged. At the top of the ladder the current level is re-notified with back-off. An acknowledged
/// escalation neither climbs nor re-notifies.
/// </summary>
public static class EscalationRules
{
    /// <summary>Used when a policy has no ladder: the board only.</summary>
    public static readonly IReadOnlyList<EscalationStep> BoardOnly = [new EscalationStep(1, "board", Duration.Zero)];

    /// <summary>AT_RISK and BREACHED open an escalation.</summary>
    public static bool Opens(PromiseStatus status) => status is PromiseStatus.AtRisk or PromiseStatus.Breached;

    /// <summary>
    /// The outcome that resolves an open escalation for this status, or null when it stays open
    /// (AT_RISK, BREACHED, PAUSED): MET (a breach prevented), MISSED, CANCELLED, RECOVERED (back on track).
    /// </summary>
    public static string? Outcome(PromiseStatus status) => status switch
    {
        PromiseStatus.Met => EscalationOutcomes.Met,
        PromiseStatus.Missed => EscalationOutcomes.Missed,
        PromiseStatus.Cancelled => EscalationOutcomes.Cancelled,
        PromiseStatus.OnTrack => EscalationOutcomes.Recovered,
        _ => null,
    };

    /// <summary>A new escalation: the ladder's first level, notified now.</summary>
    public static EscalationDecision Open(IReadOnlyList<EscalationStep> ladder, Instant now, EscalationBackoff backoff)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        var steps = Normalize(ladder);
        var first = steps[0];
        return new EscalationDecision(first.Level, first.Notify, NextWake(steps, first.Level, now, now, 0, backoff), 0);
    }

    /// <summary>
    /// The escalation at <paramref name="now"/>: climbs to the highest level whose delay has passed
    /// (after downtime, straight to it), else re-notifies at the top once the back-off has passed.
    /// Evaluating exactly at <see cref="EscalationDecision.NextWakeAt"/> shows the change.
    /// </summary>
    public static EscalationDecision Wake(IReadOnlyList<EscalationStep> ladder, EscalationProgress progress, Instant now, EscalationBackoff backoff)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(backoff);
        if (progress.Acknowledged)
        {
            return new EscalationDecision(progress.Level, null, null, progress.RenotifyCount);
        }

        var steps = Normalize(ladder);
        var reached = steps.LastOrDefault(s => s.Level > progress.Level && progress.OpenedAt + s.After <= now);
        if (reached is not null)
        {
            return new EscalationDecision(reached.Level, reached.Notify, NextWake(steps, reached.Level, progress.OpenedAt, now, 0, backoff), 0);
        }

        var current = steps.LastOrDefault(s => s.Level <= progress.Level) ?? steps[0];
        var lastNotified = progress.LastNotifiedAt ?? progress.OpenedAt;
        var next = NextWake(steps, progress.Level, progress.OpenedAt, lastNotified, progress.RenotifyCount, backoff);
        if (next is { } due && due <= now && !steps.Any(s => s.Level > progress.Level))
        {
            var count = progress.RenotifyCount + 1;
            return new EscalationDecision(progress.Level, current.Notify, NextWake(steps, progress.Level, progress.OpenedAt, now, count, backoff), count);
        }

        return new EscalationDecision(progress.Level, null, next, progress.RenotifyCount);
    }

    private static Instant? NextWake(List<EscalationStep> steps, int level, Instant openedAt, Instant lastNotified, int renotifyCount, EscalationBackoff backoff) =>
        steps.FirstOrDefault(s => s.Level > level) is { } higher
            ? openedAt + higher.After
            : lastNotified + backoff.Delay(renotifyCount);

    private static List<EscalationStep> Normalize(IReadOnlyList<EscalationStep>? ladder) =>
        (ladder is { Count: > 0 } ? ladder : BoardOnly).OrderBy(s => s.Level).ToList();
}
