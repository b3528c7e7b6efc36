using NodaTime;

namespace SlaMonitor.Engine.Tests.Evaluation;

public class PolicyPreviewTests
{
    private static readonly SiteCalendar Berlin24x7 = Sites.Named("24x7", "Europe/Berlin");
    private static readonly Instant Now = Sites.Local("Europe/Berlin", "2026-11-23T12:00");

    private static PromiseState OpenedHoursAgo(double hours, SlaPolicy policy) =>
        PromiseState.Open(Now - Sites.Hours(hours), policy, Berlin24x7, Events.Lane);

    [Fact]
    public void Preview_lists_the_open_promises_whose_status_or_deadline_a_tighter_target_would_change()
    {
        var current = Policies.Elapsed(8);
        var proposed = current with { Version = 2, Target = SlaTarget.Within("PT4H") };
        var fresh = OpenedHoursAgo(0.5, current);
        var halfway = OpenedHoursAgo(3.75, current);
        var old = OpenedHoursAgo(5, current);
        var delivered = OpenedHoursAgo(6, current).Apply(Events.Shipment("DELIVERED", Now - Sites.Hours(1)));
        var otherLevel = OpenedHoursAgo(5, current with { ServiceLevel = "NBD" });

        var changes = PolicyPreview.Preview([fresh, halfway, old, delivered, otherLevel], proposed, Now, LaneStatistics.Empty);

        Assert.Equal(
            [(PromiseStatus.OnTrack, PromiseStatus.OnTrack), (PromiseStatus.OnTrack, PromiseStatus.AtRisk), (PromiseStatus.OnTrack, PromiseStatus.Breached)],
            changes.Select(c => (c.StatusNow, c.StatusUnderProposal)));
        Assert.Equal(1, changes.Count(c => c.ChangesStatus && c.StatusUnderProposal == PromiseStatus.AtRisk));
        Assert.Equal((1, fresh.OpenedAt + Duration.FromHours(8)), (fresh.Policy.Version, fresh.Deadline));
    }
}
