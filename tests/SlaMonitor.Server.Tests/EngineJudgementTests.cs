using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>The host hands stored events to the engine: calendars, cut-offs, pauses, risk and stage reach the API.</summary>
public sealed class EngineJudgementTests : IAsyncLifetime
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
        var nextDay = new JsonObject
        {
            ["clock"] = "business",
            ["target"] = new JsonObject { ["nextBusinessDayBy"] = "17:00", ["cutoff"] = "15:00" },
            ["fulfilledBy"] = "DELIVERED",
            ["atRiskMargin"] = "PT1H",
        };
        (await _admin.PutAsJsonAsync("/api/v1/policies/NBD-1700", nextDay)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_next_business_day_ticket_opened_after_the_cutoff_is_due_the_business_day_after_next()
    {
        // Monday 16:00 in Berlin, after the 15:00 cut-off: treated as opened Tuesday, due Wednesday 17:00.
        var opened = SignedEvents.Opened("T-1", Instant.FromUtc(2026, 11, 23, 15, 0));
        opened["opened"]!["serviceLevel"] = "NBD-1700";
        _app.Clock.Reset(Instant.FromUtc(2026, 11, 23, 15, 1));
        await PostAsync(opened);

        var promise = await StatusAsync("T-1", "ON_TRACK");

        Assert.Equal("2026-11-25T17:00:00+01:00", promise.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task A_customer_hold_pauses_the_promise_and_moves_its_deadline_by_the_hold()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromHours(3)));
        await PostAsync(SignedEvents.Event("T-1", "repair", "CUSTOMER_HOLD_STARTED", Now - Duration.FromHours(2)));

        await StatusAsync("T-1", "PAUSED");
        await PostAsync(SignedEvents.Event("T-1", "repair", "CUSTOMER_HOLD_ENDED", Now));
        var resumed = await StatusAsync("T-1", "ON_TRACK");

        Assert.Equal("2026-11-23T13:00:00+01:00", resumed.GetProperty("deadline").GetString());
        Assert.Equal(7200, resumed.GetProperty("pausedByBlame").GetProperty("customer").GetInt64());
        Assert.Equal("PT2H", resumed.GetProperty("pausedFor").GetString());
    }

    [Fact]
    public async Task A_promise_inside_its_at_risk_margin_is_at_risk_with_a_reason_in_words()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(215)));

        var promise = await StatusAsync("T-1", "AT_RISK");

        Assert.Contains(promise.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pickup_moves_the_promise_into_transit()
    {
        await PostAsync(SignedEvents.Opened("T-1", Now - Duration.FromMinutes(30)));
        Assert.Equal("AWAITING_PICKUP", (await StatusAsync("T-1", "ON_TRACK")).GetProperty("stage").GetString());
        await PostAsync(SignedEvents.Event("T-1", "shipment", "PICKED_UP", Now - Duration.FromMinutes(10)));

        var promise = await Eventually.UntilAsync(
            () => _admin.GetFromJsonAsync<JsonElement>("/api/v1/promises/T-1"),
            p => p.GetProperty("stage").GetString() == "IN_TRANSIT",
            "the promise to be in transit");

        Assert.Equal(2, promise.GetProperty("timeline").GetArrayLength());
    }

    private async Task PostAsync(JsonObject body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<JsonElement> StatusAsync(string ticketRef, string status) => PromiseReads.UntilStatusAsync(_admin, ticketRef, status);
}
