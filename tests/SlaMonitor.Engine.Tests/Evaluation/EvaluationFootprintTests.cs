using NodaTime;

namespace SlaMonitor.Engine.Tests.Evaluation;

/// <summary>Memory, not time: allocation counts are deterministic, so they are asserted here; speed is in bench/.</summary>
public class EvaluationFootprintTests
{
    private static readonly SiteCalendar Office = Sites.Office("Europe/Berlin");
    private static readonly Instant Opened = Sites.Local("Europe/Berlin", "2026-11-23T09:00");

    private static PromiseState OpenPromiseWithEvents(int count)
    {
        var state = PromiseState.Open(Opened, Policies.Business(16), Office, Events.Lane);
        for (var i = 0; i < count; i++)
        {
            var code = i == 0 ? "PICKED_UP" : "ARRIVED_AT_HUB";
            state = state.Apply(new PromiseEvent("UPS", "1Z999AA1012345678" + i, EventKind.Shipment, code, Opened + Duration.FromMinutes(10 * (i + 1)), null, "DE-FRA"));
        }

        return state;
    }

    [Fact]
    public void Re_evaluating_a_folded_promise_at_new_instants_allocates_nothing()
    {
        var state = OpenPromiseWithEvents(10);
        var lanes = SyntheticLanes.Build();
        var elapsedPolicyState = PromiseState.Open(Opened, Policies.Elapsed(16), Office, Events.Lane).Apply(Events.Shipment("PICKED_UP", Opened));
        _ = SlaEvaluator.Evaluate(state, Opened, lanes);
        _ = SlaEvaluator.Evaluate(elapsedPolicyState, Opened, lanes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var minute = 0; minute < 1000; minute++)
        {
            _ = SlaEvaluator.Evaluate(state, Opened + Duration.FromMinutes(minute), lanes).Status;
            _ = SlaEvaluator.Evaluate(elapsedPolicyState, Opened + Duration.FromMinutes(minute), lanes).Status;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_folded_state_of_an_open_promise_with_twenty_scans_fits_in_two_kibibytes()
    {
        var almost = OpenPromiseWithEvents(19);
        var last = new PromiseEvent("UPS", "1Z999AA1012345678-last", EventKind.Shipment, "ARRIVED_AT_HUB", Opened + Duration.FromHours(5), null, "DE-FRA");

        // Everything the new state owns is allocated by this Apply (plus transient garbage, so this over-counts);
        // it shares the policy, calendar and lane with other promises, and the location strings with the events.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var state = almost.Apply(last);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var locationString = 22 + (2 * "DE-FRA".Length);

        Assert.Equal(20, state.EventCount);
        Assert.InRange(allocated + locationString, 0, 2048);
    }
}
