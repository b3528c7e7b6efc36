using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>Webhook → in-memory transport → consumer → SQLite → promises API: the embedded default end to end.</summary>
public sealed class PromiseLifecycleTests : IAsyncLifetime
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
    public async Task An_opened_ticket_is_on_track_with_its_deadline_in_the_sites_offset()
    {
        var openedAt = Now - Duration.FromMinutes(10);
        await PostAsync(SignedEvents.Opened("T-1", openedAt));

        var promise = await StatusAsync("T-1", "ON_TRACK");

        Assert.Equal("2026-11-23T09:50:00+01:00", promise.GetProperty("openedAt").GetString());
        Assert.Equal("2026-11-23T13:50:00+01:00", promise.GetProperty("deadline").GetString());
        Assert.Equal(TestSetup.Site, promise.GetProperty("site").GetString());
        Assert.Equal(1, promise.GetProperty("policyVersion").GetInt32());
    }

    [Fact]
    public async Task The_fulfilling_milestone_at_the_deadline_closes_the_promise_met()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(4)));
        await PostAsync(SignedEvents.Event("T-1", "repair", "TECHNICIAN_ONSITE", Now));

        var promise = await StatusAsync("T-1", "MET");

        Assert.Equal("2026-11-23T10:00:00+01:00", promise.GetProperty("closedAt").GetString());
    }

    [Fact]
    public async Task The_fulfilling_milestone_after_the_deadline_closes_the_promise_missed()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(5)));
        await PostAsync(SignedEvents.Event("T-1", "repair", "TECHNICIAN_ONSITE", Now - Duration.FromMinutes(59)));

        await StatusAsync("T-1", "MISSED");
    }

    [Fact]
    public async Task A_cancel_closes_the_promise_cancelled()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(1)));
        await PostAsync(SignedEvents.Event("T-1", "repair", "CANCELLED", Now));

        await StatusAsync("T-1", "CANCELLED");
    }

    [Fact]
    public async Task A_milestone_that_arrives_before_the_opened_event_still_counts()
    {
        await PostAsync(SignedEvents.Event("T-1", "repair", "TECHNICIAN_ONSITE", Now - Duration.FromHours(1)));
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(3)));

        await StatusAsync("T-1", "MET");
    }

    [Fact]
    public async Task An_open_promise_whose_deadline_passes_is_breached_without_any_new_event()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(3)));
        await StatusAsync("T-1", "ON_TRACK");

        _app.Clock.Advance(Duration.FromHours(2));

        await StatusAsync("T-1", "BREACHED");
    }

    [Fact]
    public async Task The_detail_shows_the_timeline_in_occurred_order_and_the_list_filters_by_status()
    {
        await PostAsync(SignedEvents.Event("T-1", "repair", "TECHNICIAN_DISPATCHED", Now - Duration.FromMinutes(30)));
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(1)));
        await PostAsync(SignedEvents.Opened("T-2", Now - Duration.FromHours(2)));
        await PostAsync(SignedEvents.Event("T-2", "repair", "CANCELLED", Now));
        await StatusAsync("T-2", "CANCELLED");

        var detail = await StatusAsync("T-1", "ON_TRACK");
        var onTrack = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/promises?status=ON_TRACK");

        Assert.Equal(["OPENED", "TECHNICIAN_DISPATCHED"], detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.Equal(1, onTrack.GetProperty("total").GetInt32());
        Assert.Equal("T-1", onTrack.GetProperty("items")[0].GetProperty("ticketRef").GetString());
    }

    [Fact]
    public async Task An_unknown_ticket_gets_404()
    {
        using var response = await _admin.GetAsync("/api/v1/promises/NOPE");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task PostAsync(System.Text.Json.Nodes.JsonObject body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<JsonElement> StatusAsync(string ticketRef, string status) => PromiseReads.UntilStatusAsync(_admin, ticketRef, status);
}
