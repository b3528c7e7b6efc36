using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Server.Promises;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>The rebuild keeps what each closed promise taught between rebuilds: these check that a promise re-derived
/// since, or whose site changed, is learnt afresh.</summary>
public sealed class LaneStatisticsRebuildTests : IAsyncLifetime
{
    private static readonly LaneKey IntoEurope = new(LaneKey.Any, LaneKey.Any, "EU", LaneKey.Any);
    private static readonly LaneKey IntoAsia = new(LaneKey.Any, LaneKey.Any, "APAC", LaneKey.Any);
    private readonly SlaApp _app = new();
    private HttpClient _carrier = null!;
    private HttpClient _admin = null!;

    private Instant Now => _app.Clock.GetCurrentInstant();

    private LaneStatistics Current => _app.Services.GetRequiredService<LaneStatisticsStore>().Current;

    public async ValueTask InitializeAsync()
    {
        _carrier = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
        foreach (var ticket in new[] { "T-1", "T-2", "T-3" })
        {
            await PostAsync(SignedEvents.Opened(ticket, Now - Duration.FromHours(3)));
            await PostAsync(SignedEvents.Event(ticket, "repair", "TECHNICIAN_ONSITE", Now - Duration.FromHours(1)));
            await PromiseReads.UntilStatusAsync(_admin, ticket, "MET");
        }

        await RebuildAsync();
        Assert.Equal(3, Current.SampleCount(IntoEurope, PromiseStage.AwaitingPickup));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_closed_promise_given_a_pickup_afterwards_teaches_its_transit_at_the_next_rebuild()
    {
        await PostAsync(SignedEvents.Event("T-2", "shipment", "PICKED_UP", Now - Duration.FromHours(2)));

        // The pickup is applied by the ingest worker; each rebuild after that must learn it.
        await Eventually.UntilAsync(
            async () =>
            {
                await RebuildAsync();
                return Current.SampleCount(IntoEurope, PromiseStage.InTransit);
            },
            n => n == 1,
            "a rebuild to learn T-2's transit");
        await RebuildAsync();

        Assert.Equal(1, Current.SampleCount(IntoEurope, PromiseStage.InTransit));
        Assert.Equal(3, Current.SampleCount(IntoEurope, PromiseStage.AwaitingPickup));
    }

    [Fact]
    public async Task Closed_promises_of_a_site_moved_to_another_region_teach_that_region_at_the_next_rebuild()
    {
        var site = TestSetup.SiteBody();
        site["region"] = "APAC";
        using var put = await _admin.PutAsync($"/api/v1/sites/{TestSetup.Site}", new StringContent(site.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        put.EnsureSuccessStatusCode();

        await RebuildAsync();

        Assert.Equal(0, Current.SampleCount(IntoEurope, PromiseStage.AwaitingPickup));
        Assert.Equal(3, Current.SampleCount(IntoAsia, PromiseStage.AwaitingPickup));
    }

    private Task RebuildAsync() =>
        _app.Services.GetServices<IHostedService>().OfType<LaneStatisticsRefresher>().Single().RebuildOnce(CancellationToken.None);

    private async Task PostAsync(JsonObject body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
