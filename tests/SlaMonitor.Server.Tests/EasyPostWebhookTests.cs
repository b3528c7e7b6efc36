using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Ingest.Webhooks.Formats;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>A carrier configured with format "easypost" posts EasyPost's tracker webhook unchanged.</summary>
public sealed class EasyPostWebhookTests : IAsyncLifetime
{
    private const string Carrier = "EZPOST";
    private static readonly string[] AllCustomers = ["*"];
    private const string Secret = "easypost-webhook-secret-01";
    private const string TrackingCode = "EZ4000000004";
    private readonly SlaApp _app = new();
    private HttpClient _client = null!;
    private HttpClient _admin = null!;

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
        (await _admin.PutAsJsonAsync($"/api/v1/carriers/{Carrier}", new { name = "EasyPost", secret = Secret, format = "easypost", customers = AllCustomers })).EnsureSuccessStatusCode();
        var delivered = TestSetup.PolicyBody();
        delivered["fulfilledBy"] = "DELIVERED";
        (await _admin.PutAsJsonAsync("/api/v1/policies/PARTS-4H", delivered)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_tracking_detail_becomes_a_shipment_event_and_a_resend_is_all_duplicates()
    {
        var body = TrackerUpdated(("pre_transit", "status_update", 3), ("in_transit", "received_at_origin_facility", 2), ("unknown", "unknown", 1));

        var first = await PostAsync(body, Secret);
        await Eventually.UntilAsync(StoredCountAsync, n => n == 2, "the two events to be stored");
        var again = await PostAsync(body, Secret);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(2, first.Answer.GetProperty("accepted").GetInt32());
        Assert.Equal(0, again.Answer.GetProperty("accepted").GetInt32());
        Assert.Equal(2, again.Answer.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, await StoredCountAsync());
    }

    [Fact]
    public async Task A_wrong_easypost_signature_gets_401()
    {
        var response = await PostAsync(TrackerUpdated(("in_transit", "in_transit", 1)), "not-the-secret-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task A_body_that_is_not_a_tracker_event_gets_400()
    {
        var response = await PostAsync(new JsonObject { ["description"] = "batch.created", ["result"] = new JsonObject() }, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Tracking_updates_attach_to_the_promise_their_tracking_number_is_linked_to()
    {
        var opened = SignedEvents.Opened("T-1", Now - Duration.FromHours(3));
        opened["opened"]!["serviceLevel"] = "PARTS-4H";
        opened["shipmentRef"] = TrackingCode;
        (await SignedEvents.PostAsync(_client, opened, Now)).EnsureSuccessStatusCode();

        var posted = await PostAsync(TrackerUpdated(("in_transit", "received_at_origin_facility", 2), ("delivered", "arrived_at_destination", 0)), Secret);

        Assert.Equal(HttpStatusCode.Accepted, posted.Status);
        var promise = await Eventually.UntilAsync(
            () => PromiseAsync("T-1"),
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("status").GetString() == "MET",
            "the delivery reported by EasyPost to meet the promise");
        Assert.Equal(["OPENED", "PICKED_UP", "DELIVERED"], promise.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_tracking_number_reused_months_later_does_not_attach_to_the_old_promise()
    {
        var opened = SignedEvents.Opened("T-1", Now - Duration.FromDays(90));
        opened["opened"]!["serviceLevel"] = "PARTS-4H";
        opened["shipmentRef"] = TrackingCode;
        (await SignedEvents.PostAsync(_client, opened, Now)).EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => PromiseAsync("T-1"), p => p.ValueKind == JsonValueKind.Object, "the old promise");

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(TrackerUpdated(("in_transit", "in_transit", 1)), Secret)).Status);
        await Eventually.UntilAsync(StoredCountAsync, n => n == 1, "the reused number's event to be stored");

        var promise = await PromiseAsync("T-1");
        Assert.Equal(["OPENED"], promise.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("pre_transit", "status_update", "LABEL_CREATED")]
    [InlineData("in_transit", "received_at_origin_facility", "PICKED_UP")]
    [InlineData("in_transit", "arrived_at_facility", "ARRIVED_AT_HUB")]
    [InlineData("in_transit", "weather_delay", "DELAYED")]
    [InlineData("out_for_delivery", "out_for_delivery", "OUT_FOR_DELIVERY")]
    [InlineData("delivered", "arrived_at_destination", "DELIVERED")]
    [InlineData("failure", "attempted_delivery", "DELIVERY_ATTEMPTED")]
    [InlineData("return_to_sender", "return", "RETURNED")]
    [InlineData("cancelled", "cancelled", "CANCELLED")]
    public void EasyPost_statuses_map_onto_canonical_codes(string status, string detail, string code) =>
        Assert.Equal(code, EasyPostStatusMap.Map(status, detail)!.Code);

    private Task<JsonElement> PromiseAsync(string ticketRef) => PromiseReads.GetAsync(_admin, ticketRef);

    private async Task<int> StoredCountAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaDbContext>().Events.CountAsync(e => e.CarrierCode == Carrier);
    }

    private async Task<(HttpStatusCode Status, JsonElement Answer)> PostAsync(JsonObject body, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carriers/{Carrier}/events")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add(EasyPostFormat.SignatureHeader, EasyPostFormat.Sign(secret, bytes));
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The shape of EasyPost's published tracker.updated example, with details hoursAgo before now.</summary>
    private JsonObject TrackerUpdated(params (string Status, string Detail, int HoursAgo)[] details) => new()
    {
        ["description"] = "tracker.updated",
        ["mode"] = "test",
        ["previous_attributes"] = new JsonObject { ["status"] = "unknown" },
        ["id"] = "evt_0123456789",
        ["object"] = "Event",
        ["status"] = "pending",
        ["result"] = new JsonObject
        {
            ["id"] = "trk_0123456789",
            ["object"] = "Tracker",
            ["mode"] = "test",
            ["tracking_code"] = TrackingCode,
            ["status"] = details[^1].Status,
            ["status_detail"] = details[^1].Detail,
            ["carrier"] = "USPS",
            ["est_delivery_date"] = InstantPattern.General.Format(Now + Duration.FromDays(1)),
            ["tracking_details"] = new JsonArray([.. details.Select(d => (JsonNode)new JsonObject
            {
                ["object"] = "TrackingDetail",
                ["message"] = $"{d.Status} {d.Detail}",
                ["status"] = d.Status,
                ["status_detail"] = d.Detail,
                ["datetime"] = InstantPattern.General.Format(Now - Duration.FromHours(d.HoursAgo)),
                ["source"] = "USPS",
                ["tracking_location"] = new JsonObject { ["object"] = "TrackingLocation", ["city"] = "FRANKFURT", ["state"] = null, ["country"] = "DE", ["zip"] = "60549" },
            })]),
        },
    };
}
