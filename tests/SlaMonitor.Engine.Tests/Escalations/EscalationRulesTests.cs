using NodaTime;
using NodaTime.Testing;

namespace SlaMonitor.Engine.Tests.Escalations;

public class EscalationRulesTests
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly EscalationBackoff Backoff = EscalationBackoff.Default;

    private static readonly IReadOnlyList<EscalationStep> Ladder =
    [
        new(1, "board", Duration.Zero),
        new(2, "accountManager", Duration.FromMinutes(15)),
        new(3, "dutyManager", Duration.FromMinutes(45)),
    ];

    private static EscalationProgress Progress(EscalationDecision d, bool acknowledged = false, Instant? lastNotified = null) =>
        new(d.Level, Opened, acknowledged, d.RenotifyCount, lastNotified ?? Opened);

    [Fact]
    public void Opening_notifies_the_first_level_and_wakes_when_the_second_is_due()
    {
        var open = EscalationRules.Open(Ladder, Opened, Backoff);

        Assert.Equal((1, "board", Opened + Duration.FromMinutes(15)), (open.Level, open.Notify, open.NextWakeAt!.Value));
    }

    [Fact]
    public void The_ladder_climbs_at_the_right_second_and_not_a_second_before()
    {
        var clock = new FakeClock(Opened);
        var open = EscalationRules.Open(Ladder, clock.GetCurrentInstant(), Backoff);

        clock.Advance(Duration.FromMinutes(15) - Duration.FromSeconds(1));
        var early = EscalationRules.Wake(Ladder, Progress(open), clock.GetCurrentInstant(), Backoff);
        clock.Advance(Duration.FromSeconds(1));
        var level2 = EscalationRules.Wake(Ladder, Progress(open), clock.GetCurrentInstant(), Backoff);
        clock.Reset(level2.NextWakeAt!.Value);
        var level3 = EscalationRules.Wake(Ladder, Progress(level2, lastNotified: Opened + Duration.FromMinutes(15)), clock.GetCurrentInstant(), Backoff);

        Assert.Equal((1, (string?)null), (early.Level, early.Notify));
        Assert.Equal((2, "accountManager"), (level2.Level, level2.Notify));
        Assert.Equal(Opened + Duration.FromMinutes(45), level2.NextWakeAt);
        Assert.Equal((3, "dutyManager", Opened + Duration.FromMinutes(45)), (level3.Level, level3.Notify, clock.GetCurrentInstant()));
    }

    [Fact]
    public void An_acknowledged_escalation_stops_climbing_and_is_not_renotified()
    {
        var open = EscalationRules.Open(Ladder, Opened, Backoff);

        var later = EscalationRules.Wake(Ladder, Progress(open, acknowledged: true), Opened + Duration.FromHours(5), Backoff);

        Assert.Equal((1, (string?)null, (Instant?)null), (later.Level, later.Notify, later.NextWakeAt));
    }

    [Fact]
    public void After_downtime_the_escalation_goes_straight_to_the_highest_level_due()
    {
        var open = EscalationRules.Open(Ladder, Opened, Backoff);

        var late = EscalationRules.Wake(Ladder, Progress(open), Opened + Duration.FromHours(1), Backoff);

        Assert.Equal((3, "dutyManager"), (late.Level, late.Notify));
    }

    [Fact]
    public void At_the_top_re_notification_backs_off_15_then_30_minutes_then_hourly()
    {
        IReadOnlyList<EscalationStep> ladder = [new(1, "board", Duration.Zero), new(2, "accountManager", Duration.FromMinutes(5))];
        var at = Opened + Duration.FromMinutes(5);
        var top = EscalationRules.Wake(ladder, Progress(EscalationRules.Open(ladder, Opened, Backoff)), at, Backoff);
        var notifiedAt = new List<Instant>();
        var decision = top;
        var last = at;
        for (var i = 0; i < 4; i++)
        {
            var wake = decision.NextWakeAt!.Value;
            var before = EscalationRules.Wake(ladder, new EscalationProgress(2, Opened, false, decision.RenotifyCount, last), wake - Duration.FromSeconds(1), Backoff);
            Assert.Null(before.Notify);
            decision = EscalationRules.Wake(ladder, new EscalationProgress(2, Opened, false, decision.RenotifyCount, last), wake, Backoff);
            Assert.Equal("accountManager", decision.Notify);
            notifiedAt.Add(wake);
            last = wake;
        }

        var gaps = notifiedAt.Prepend(at).Zip(notifiedAt, (a, b) => (b - a).TotalMinutes).ToList();
        Assert.Equal([15.0, 30.0, 60.0, 60.0], gaps);
    }

    [Fact]
    public void Without_a_ladder_the_board_is_the_only_level()
    {
        var open = EscalationRules.Open([], Opened, Backoff);

        Assert.Equal((1, "board"), (open.Level, open.Notify));
    }

    [Theory]
    [InlineData(PromiseStatus.Met, "MET")]
    [InlineData(PromiseStatus.Missed, "MISSED")]
    [InlineData(PromiseStatus.Cancelled, "CANCELLED")]
    [InlineData(PromiseStatus.OnTrack, "RECOVERED")]
    [InlineData(PromiseStatus.AtRisk, null)]
    [InlineData(PromiseStatus.Breached, null)]
    [InlineData(PromiseStatus.Paused, null)]
    public void Auto_resolve_outcome_follows_the_promise_status(PromiseStatus status, string? outcome) =>
        Assert.Equal(outcome, EscalationRules.Outcome(status));

    [Fact]
    public void Only_at_risk_and_breached_open_an_escalation() =>
        Assert.Equal([PromiseStatus.AtRisk, PromiseStatus.Breached], Enum.GetValues<PromiseStatus>().Where(EscalationRules.Opens));
}
