using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Ingest.Deliveries;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

public sealed class DeliveryLogTests : IAsyncLifetime
{
    private readonly SlaApp _app = new();
    private HttpClient _client = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_signed_request_is_logged_with_its_per_event_results_or_why_it_was_refused_and_a_bad_signature_is_not()
    {
        var now = _app.Clock.GetCurrentInstant();
        var opened = SignedEvents.Opened("T-1", now);
        var bad = SignedEvents.Event("T-2", "shipment", "PICKED_UP", now);
        bad["occurredAt"] = "soon";
        Assert.Equal(HttpStatusCode.Accepted, (await SignedEvents.PostAsync(_client, opened, now)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignedEvents.PostAsync(_client, bad, now)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignedEvents.PostAsync(_client, opened, now, secret: "wrong-secret-000000")).StatusCode);

        var log = await Eventually.UntilAsync(
            () => _admin.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{TestSetup.Carrier}/deliveries"),
            page => page.GetProperty("total").GetInt32() == 2,
            "two logged requests");
        var rejected = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{TestSetup.Carrier}/deliveries?outcome=rejected");

        var accepted = log.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("status").GetInt32() == 202);
        Assert.Equal("accepted", accepted.GetProperty("details")[0].GetProperty("result").GetString());
        Assert.Equal(1, rejected.GetProperty("total").GetInt32());
        Assert.DoesNotContain(log.GetProperty("items").EnumerateArray(), d => d.GetProperty("status").GetInt32() == 401);
        var invalid = rejected.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("status").GetInt32() == 422);
        Assert.True(invalid.GetProperty("details").TryGetProperty("occurredAt", out _), invalid.ToString());
    }

    [Fact]
    public async Task Entries_still_queued_when_the_writer_stops_are_written_before_it_ends()
    {
        var log = _app.Services.GetRequiredService<DeliveryLog>();
        var writer = _app.Services.GetServices<IHostedService>().OfType<DeliveryLogWriter>().Single();
        for (var i = 0; i < 3; i++)
        {
            log.Record(new WebhookDelivery { CarrierCode = TestSetup.Carrier, ReceivedAt = DateTime.UtcNow, StatusCode = 202, Accepted = 1, DetailsJson = "[]" });
        }

        // Well within the writer's gathering pause: only the stop can make it write now.
        await writer.StopAsync(TestContext.Current.CancellationToken);

        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<SlaDbContext>().WebhookDeliveries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_log_of_an_unknown_carrier_is_404_and_a_bad_filter_is_422()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/carriers/NOBODY/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _admin.GetAsync($"/api/v1/carriers/{TestSetup.Carrier}/deliveries?outcome=maybe")).StatusCode);
    }
}
