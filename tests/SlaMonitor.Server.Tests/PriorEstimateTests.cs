using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Server.Promises;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>Early warning on a fresh install (the default prior) and on thin history (shrinkage), read through the API.</summary>
public sealed class PriorEstimateTests : IAsyncLifetime
{
    private readonly SlaApp _app = new(settings: new Dictionary<string, string?> { ["Scheduling:EvaluateEverySeconds"] = "1" });
    private HttpClient _carrier = null!;
    private HttpClient _admin = null!;

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _carrier = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task On_a_fresh_install_a_4h_promise_without_pickup_after_2h36m_is_at_least_30_percent_likely_late_from_the_default_prior()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now));
        await PromiseReads.UntilStatusAsync(_admin, "T-1", "ON_TRACK");

        _app.Clock.Advance(Duration.FromMinutes(156));

        var promise = await Eventually.UntilAsync(
            () => PromiseReads.GetAsync(_admin, "T-1"),
            p => p.GetProperty("probabilityLate").GetDouble() >= 0.3,
            "T-1's probability late to reach 0.3");
        Assert.Equal("ON_TRACK", promise.GetProperty("status").GetString());
        Assert.Equal("from the default prior", promise.GetProperty("estimateSource").GetString());
    }

    [Fact]
    public async Task A_handful_of_unrelated_closed_promises_do_not_make_a_promise_certain_to_be_late_50_minutes_into_4_hours()
    {
        var eightHours = TestSetup.PolicyBody();
        eightHours["target"] = "PT8H";
        (await _admin.PutAsync("/api/v1/policies/8H-ONSITE", JsonContent(eightHours))).EnsureSuccessStatusCode();
        foreach (var ticket in new[] { "H-1", "H-2", "H-3", "H-4", "H-5" })
        {
            var opened = SignedEvents.Opened(ticket, Now - Duration.FromHours(1));
            opened["opened"]!["serviceLevel"] = "8H-ONSITE";
            await PostAsync(opened);
            await PostAsync(SignedEvents.Event(ticket, "repair", "TECHNICIAN_ONSITE", Now - Duration.FromMinutes(50)));
            await PromiseReads.UntilStatusAsync(_admin, ticket, "MET");
        }

        await _app.Services.GetServices<IHostedService>().OfType<LaneStatisticsRefresher>().Single().RebuildOnce(CancellationToken.None);
        Assert.True(_app.Services.GetRequiredService<LaneStatisticsStore>().Current.LaneCount > 0);

        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(50)));
        var promise = await PromiseReads.UntilStatusAsync(_admin, "T-1", "ON_TRACK");

        Assert.InRange(promise.GetProperty("probabilityLate").GetDouble(), 0.0, 0.3);
        Assert.DoesNotContain(promise.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("likely to finish late", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Promises_still_open_teach_the_lane_statistics_as_censored_samples()
    {
        foreach (var ticket in new[] { "M-1", "M-2", "M-3" })
        {
            await PostAsync(SignedEvents.Opened(ticket, Now - Duration.FromHours(2)));
            await PostAsync(SignedEvents.Event(ticket, "repair", "TECHNICIAN_ONSITE", Now - Duration.FromMinutes(110)));
            await PromiseReads.UntilStatusAsync(_admin, ticket, "MET");
        }

        foreach (var ticket in new[] { "O-1", "O-2", "O-3", "O-4" })
        {
            await PostAsync(SignedEvents.Opened(ticket, Now - Duration.FromHours(3)));
            await PromiseReads.UntilStatusAsync(_admin, ticket, "ON_TRACK");
        }

        await _app.Services.GetServices<IHostedService>().OfType<LaneStatisticsRefresher>().Single().RebuildOnce(CancellationToken.None);
        var estimate = _app.Services.GetRequiredService<LaneStatisticsStore>().Current
            .For(new LaneKey(TestSetup.Carrier, LaneKey.Any, "EU", TestSetup.ServiceLevel), PromiseStage.AwaitingPickup);

        // 3 met after 10 minutes and 4 open for 3 hours of 4 (Kaplan–Meier: 4/7 take longer than half the budget), shrunk
        // toward the prior (0.5 there) with k = 20: 7/27 · 4/7 + 20/27 · 0.5 = 0.519. The 3 met promises alone give 0.435.
        Assert.InRange(estimate.Survival(0.5), 0.51, 0.53);
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private async Task PostAsync(JsonObject body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
