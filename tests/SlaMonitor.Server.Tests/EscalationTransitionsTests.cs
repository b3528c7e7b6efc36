using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Tests;

/// <summary>Every change to an escalation goes through one type, which bumps the revision once and says what to announce.</summary>
public sealed class EscalationTransitionsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 10, 0);

    [Fact]
    public void Each_change_bumps_the_revision_exactly_once_and_stamps_the_time()
    {
        var escalation = Opened();
        var later = Now + Duration.FromMinutes(5);

        var changes = new[]
        {
            EscalationTransitions.Wake(escalation, new EscalationDecision(2, "accountManager", later + Duration.FromMinutes(15), 0), later),
            EscalationTransitions.Assign(escalation, "ops-ben", later),
            EscalationTransitions.Acknowledge(escalation, "ops-anna", "on it", later),
            EscalationTransitions.Resolve(escalation, EscalationOutcomes.Manual, later),
        };

        Assert.Equal(4, escalation.Revision);
        Assert.Equal(later.ToDateTimeUtc(), escalation.UpdatedAt);
        Assert.Equal(
            [EscalationChange.Climbed, EscalationChange.Assigned, EscalationChange.Acknowledged, EscalationChange.Resolved],
            changes.Select(c => c.Change));
        Assert.Equal(["climbed", "assigned", "acknowledged", "resolved"], changes.Select(c => c.Name));
    }

    [Fact]
    public void A_wake_up_that_tells_again_at_the_same_level_is_a_renotification_and_one_that_tells_nobody_is_not_announced()
    {
        var escalation = Opened();

        var renotified = EscalationTransitions.Wake(escalation, new EscalationDecision(1, "board", Now + Duration.FromMinutes(30), 1), Now);
        var rescheduled = EscalationTransitions.Wake(escalation, new EscalationDecision(1, null, Now + Duration.FromHours(1), 1), Now);

        Assert.Equal((EscalationChange.Renotified, "board", true), (renotified.Change, renotified.Notify, renotified.IsAnnounced));
        Assert.Equal((EscalationChange.Rescheduled, (string?)null, false), (rescheduled.Change, rescheduled.Notify, rescheduled.IsAnnounced));
        Assert.Equal(2, escalation.NotifyAttempts);
    }

    [Fact]
    public void Following_its_promise_records_the_revision_silently_when_nothing_shows_and_resolves_it_when_the_promise_closes()
    {
        var escalation = Opened();
        var promise = Promise(PromiseStatuses.AtRisk);

        promise.Revision++;
        var same = EscalationTransitions.Follow(escalation, promise, PromiseStatus.AtRisk, Now);
        promise.Revision++;
        promise.Status = PromiseStatuses.Breached;
        var status = EscalationTransitions.Follow(escalation, promise, PromiseStatus.Breached, Now);
        promise.Revision++;
        promise.Status = PromiseStatuses.Missed;
        var closed = EscalationTransitions.Follow(escalation, promise, PromiseStatus.Missed, Now);

        Assert.Equal((EscalationChange.Followed, false), (same?.Change, same?.IsAnnounced));
        Assert.Equal(EscalationChange.Status, status?.Change);
        Assert.Equal(EscalationChange.Resolved, closed?.Change);
        Assert.Equal((EscalationStates.Resolved, EscalationOutcomes.Missed, (string?)null), (escalation.State, escalation.Outcome, escalation.OpenKey));
        Assert.Equal((3, 3), (escalation.Revision, escalation.PromiseRevision));
    }

    [Fact]
    public void A_re_derivation_older_than_the_one_the_escalation_followed_changes_nothing()
    {
        // Two re-derivations raced: the newer one (revision 7: breached again after a void) was followed first.
        var escalation = Opened();
        var newer = Promise(PromiseStatuses.Breached);
        newer.Revision = 7;
        EscalationTransitions.Follow(escalation, newer, PromiseStatus.Breached, Now);
        var older = Promise(PromiseStatuses.Met);
        older.Revision = 6;

        var stale = EscalationTransitions.Follow(escalation, older, PromiseStatus.Met, Now);
        var again = EscalationTransitions.Follow(escalation, newer, PromiseStatus.Breached, Now);

        Assert.Null(stale);
        Assert.Null(again);
        Assert.Equal((EscalationStates.Open, PromiseStatuses.Breached, 7), (escalation.State, escalation.PromiseStatus, escalation.PromiseRevision));
    }

    [Fact]
    public void A_resolved_escalation_refuses_every_change_and_an_acknowledged_one_a_second_acknowledgement()
    {
        var acknowledged = Opened();
        EscalationTransitions.Acknowledge(acknowledged, "ops-anna", null, Now);
        var resolved = Opened();
        EscalationTransitions.Resolve(resolved, EscalationOutcomes.Manual, Now);

        Assert.NotNull(EscalationTransitions.Refusal(acknowledged, EscalationChange.Acknowledged));
        Assert.Null(EscalationTransitions.Refusal(acknowledged, EscalationChange.Assigned));
        Assert.All(
            new[] { EscalationChange.Acknowledged, EscalationChange.Assigned, EscalationChange.Resolved },
            change => Assert.NotNull(EscalationTransitions.Refusal(resolved, change)));
        Assert.Null(EscalationTransitions.Refusal(Opened(), EscalationChange.Acknowledged));
    }

    private static Escalation Opened() =>
        EscalationTransitions.Open(Promise(PromiseStatuses.AtRisk), "EU", "CARRIER", new EscalationDecision(1, "board", Now + Duration.FromMinutes(15), 0), Guid.CreateVersion7(), Now);

    private static Promise Promise(string status) => new()
    {
        TicketRef = "T-1",
        CustomerCode = "ACME",
        SiteCode = "FRA-DC2",
        ServiceLevel = "4H-ONSITE",
        PolicyVersion = 1,
        Status = status,
        ReasonsJson = "[]",
        Deadline = (Now + Duration.FromHours(1)).ToDateTimeUtc(),
    };
}
