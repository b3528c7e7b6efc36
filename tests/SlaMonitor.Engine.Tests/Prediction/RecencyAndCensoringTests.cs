using NodaTime;

namespace SlaMonitor.Engine.Tests.Prediction;

/// <summary>Lane statistics that follow the current regime: recent promises weigh more, open ones count as censored.</summary>
public class RecencyAndCensoringTests
{
    private static readonly SiteCalendar Berlin24x7 = Sites.Named("24x7", "Europe/Berlin");
    private static readonly Instant Now = Sites.Local("Europe/Berlin", "2026-11-23T09:00");
    private static readonly Duration ThirtyDays = Duration.FromDays(30);

    [Fact]
    public void A_promise_opened_one_half_life_ago_counts_half_two_half_lives_ago_a_quarter_and_one_opened_now_fully()
    {
        Assert.Equal(1.0, RecencyWeight.Of(Now, Now, ThirtyDays), 12);
        Assert.Equal(0.5, RecencyWeight.Of(Now - ThirtyDays, Now, ThirtyDays), 12);
        Assert.Equal(0.25, RecencyWeight.Of(Now - (ThirtyDays * 2), Now, ThirtyDays), 12);
    }

    [Fact]
    public void Without_a_half_life_every_promise_counts_fully()
    {
        Assert.Equal(1.0, RecencyWeight.Of(Now - Duration.FromDays(400), Now, null));
    }

    [Fact]
    public void Weighted_survival_is_the_share_of_the_weight_above()
    {
        // 0.2 weighs 1, 0.4 weighs 0.5, 0.6 weighs 0.25: above 0.3 lie 0.75 of 1.75.
        var statistics = Statistics(new ShareSample(0.2, 1), new ShareSample(0.4, 0.5), new ShareSample(0.6, 0.25));

        Assert.Equal(0.75 / 1.75, statistics.Survival(0.3), 12);
        Assert.Equal(1.75, statistics.EffectiveCount, 12);
        Assert.Equal(3, statistics.Count);
    }

    [Fact]
    public void A_censored_sample_is_at_risk_up_to_its_share_then_leaves_without_finishing()
    {
        // Kaplan–Meier: 0.1 finishes (4 at risk: S = 3/4); 0.2 is still open; 0.3 finishes (2 at risk: S = 3/8); 0.4 finishes (S = 0).
        var statistics = Statistics(new(0.1), new(0.2, Censored: true), new(0.3), new(0.4));

        Assert.Equal(0.75, statistics.Survival(0.25), 12);
        Assert.Equal(0.375, statistics.Survival(0.35), 12);
        Assert.Equal(0.0, statistics.Survival(0.4), 12);
    }

    [Fact]
    public void Open_promises_already_slow_in_their_stage_raise_the_probability_late_before_any_of_them_closes()
    {
        var closedOnly = new LaneStatisticsBuilder();
        var withOpen = new LaneStatisticsBuilder();
        for (var i = 0; i < 40; i++)
        {
            // Closed: fulfilled 30–50 % of the budget after opening.
            closedOnly.AddObservation(Events.Lane, PromiseStage.AwaitingPickup, Duration.FromMinutes(30), 0.3 + (i * 0.005), []);
            withOpen.AddObservation(Events.Lane, PromiseStage.AwaitingPickup, Duration.FromMinutes(30), 0.3 + (i * 0.005), []);
            // Open: 40 promises of 4 hours still awaiting pickup after 3 hours (75 % of their budget).
            var opened = Now - Duration.FromHours(3) - Duration.FromSeconds(i);
            withOpen.AddOpen(PromiseState.Open(opened, Policies.Elapsed(4), Berlin24x7, Events.Lane), Now);
        }

        var promise = PromiseState.Open(Now, Policies.Elapsed(4), Berlin24x7, Events.Lane);
        var at = Now + Duration.FromMinutes(150); // 62.5 % of the budget, beyond every closed promise
        var without = SlaEvaluator.Evaluate(promise, at, closedOnly.Build()).ProbabilityLate;
        var with = SlaEvaluator.Evaluate(promise, at, withOpen.Build()).ProbabilityLate;

        Assert.True(with > without + 0.2, $"with open promises {with:F3}, closed only {without:F3}");
    }

    [Fact]
    public void A_level_that_saw_only_open_promises_is_left_out_of_the_estimate()
    {
        var builder = new LaneStatisticsBuilder();
        var unknownOrigin = Events.Lane with { Origin = LaneKey.Any };
        for (var i = 0; i < 30; i++)
        {
            builder.AddObservation(Events.Lane, PromiseStage.AwaitingPickup, Duration.FromMinutes(30), 0.3, []);
            builder.AddOpen(PromiseState.Open(Now - Duration.FromHours(1), Policies.Elapsed(4), Berlin24x7, unknownOrigin), Now);
        }

        var estimate = builder.Build().For(unknownOrigin, PromiseStage.AwaitingPickup);

        Assert.NotEqual(unknownOrigin, estimate.Source.Level);
        Assert.True(estimate.Survival(0.5) < 1.0, estimate.Survival(0.5).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Closed_and_cancelled_promises_add_no_censored_sample()
    {
        var closed = PromiseState.Open(Now - Duration.FromHours(2), Policies.Elapsed(4), Berlin24x7, Events.Lane)
            .Apply(Events.Shipment("DELIVERED", Now - Duration.FromHours(1)));
        var builder = new LaneStatisticsBuilder();
        builder.AddOpen(closed, Now);

        Assert.Equal(0, builder.Build().LaneCount);
    }

    private static StageStatistics Statistics(params ShareSample[] samples) => new(samples, [], [], 0);
}
