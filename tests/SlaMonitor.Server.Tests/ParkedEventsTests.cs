using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Server.Ingest.Parked;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>Events that arrive before their promise wait (parked), are applied once it opens, and expire after Ingest:ParkedEventMaxAge.</summary>
public sealed class ParkedEventsTests : IAsyncLifetime
{
    private readonly SlaApp _app = new();
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
    public async Task An_event_before_its_opened_is_parked_and_applied_when_the_promise_opens()
    {
        await PostAsync(SignedEvents.Event("T-EARLY", "repair", "TECHNICIAN_DISPATCHED", Now - Duration.FromMinutes(20)));
        var parked = await Eventually.UntilAsync(() => PageAsync(""), p => p.GetProperty("waiting").GetInt32() == 1, "the early event to be parked");
        Assert.Equal("T-EARLY", parked.GetProperty("items")[0].GetProperty("ticketRef").GetString());

        await PostAsync(SignedEvents.Opened("T-EARLY", Now - Duration.FromHours(1)));

        var promise = await Eventually.UntilAsync(
            () => PromiseAsync("T-EARLY"),
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("timeline").GetArrayLength() == 2,
            "the parked event to reach the timeline");
        Assert.Equal(["OPENED", "TECHNICIAN_DISPATCHED"], promise.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.Equal(0, (await PageAsync("")).GetProperty("waiting").GetInt32());
    }

    [Fact]
    public async Task A_parked_event_past_the_maximum_age_is_expired_once_counted_and_listed()
    {
        await PostAsync(SignedEvents.Event("T-NEVER", "repair", "TECHNICIAN_DISPATCHED", Now - Duration.FromMinutes(5)));
        await Eventually.UntilAsync(() => PageAsync(""), p => p.GetProperty("waiting").GetInt32() == 1, "the event to be parked");

        Assert.Equal(0, await ExpireAsync(Now + Duration.FromDays(6)));
        Assert.Equal(1, await ExpireAsync(Now + Duration.FromDays(8)));
        Assert.Equal(0, await ExpireAsync(Now + Duration.FromDays(9)));

        var expired = await PageAsync("?state=expired&carrier=" + TestSetup.Carrier);
        Assert.Equal(0, expired.GetProperty("waiting").GetInt32());
        Assert.Equal(1, expired.GetProperty("expired").GetInt32());
        Assert.Equal("T-NEVER", expired.GetProperty("items")[0].GetProperty("ticketRef").GetString());
        Assert.Equal(0, (await PageAsync("?carrier=OTHER")).GetProperty("expired").GetInt32());
    }

    [Fact]
    public async Task A_wrong_state_is_422()
    {
        using var response = await _admin.GetAsync("/api/v1/parked-events?state=lost");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    private async Task<int> ExpireAsync(Instant at)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParkedEventExpiry>().ExpireAsync(at, TestContext.Current.CancellationToken);
    }

    private async Task PostAsync(System.Text.Json.Nodes.JsonObject body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<JsonElement> PageAsync(string query) => _admin.GetFromJsonAsync<JsonElement>("/api/v1/parked-events" + query);

    private Task<JsonElement> PromiseAsync(string ticketRef) => PromiseReads.GetAsync(_admin, ticketRef);
}
