using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Server.Ingest;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>What the webhook hands to the bus and what the consumer takes from it, seen through MassTransit's test harness.</summary>
public sealed class IngestMessagingTests : IAsyncLifetime
{
    private readonly SlaApp _app = new();
    private WebApplicationFactory<Program> _harnessed = null!;
    private ITestHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _harnessed = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddMassTransitTestHarness(h => h.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(30)))));
        _harness = _harnessed.Services.GetTestHarness();
        await TestSetup.ConfigureAsync(_harnessed.CreateClient().AsAdmin());
    }

    public async ValueTask DisposeAsync()
    {
        await _harnessed.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_batch_is_sent_as_one_message_per_ticket_and_each_is_consumed()
    {
        var now = _app.Clock.GetCurrentInstant();
        var batch = new System.Text.Json.Nodes.JsonObject
        {
            ["events"] = new System.Text.Json.Nodes.JsonArray(
                SignedEvents.Opened("T-1", now),
                SignedEvents.Event("T-1", "repair", "TECHNICIAN_DISPATCHED", now),
                SignedEvents.Opened("T-2", now)),
        };

        using var response = await SignedEvents.PostAsync(_harnessed.CreateClient(), batch, now);
        response.EnsureSuccessStatusCode();

        Assert.True(await _harness.Sent.Any<RecordCarrierEvents>(m => m.Context.Message.PartitionKey == "T-2"));
        var t1 = await _harness.Sent.SelectAsync<RecordCarrierEvents>(m => m.Context.Message.PartitionKey == "T-1").First();
        Assert.Equal(2, t1.Context.Message.Events.Count);
        Assert.Equal(TestSetup.Carrier, t1.Context.Message.CarrierCode);
        var consumer = _harness.GetConsumerHarness<RecordCarrierEventsConsumer>();
        Assert.True(await consumer.Consumed.Any<RecordCarrierEvents>(m => m.Context.Message.PartitionKey == "T-1"));
        Assert.True(await consumer.Consumed.Any<RecordCarrierEvents>(m => m.Context.Message.PartitionKey == "T-2"));
    }

    [Fact]
    public async Task Nothing_is_sent_for_a_request_that_is_refused()
    {
        var now = _app.Clock.GetCurrentInstant();

        using var response = await SignedEvents.PostAsync(_harnessed.CreateClient(), SignedEvents.Opened("T-1", now), now - Duration.FromHours(1));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        // The webhook sends before it answers, so what it sent is already recorded.
        Assert.Empty(_harness.Sent.Select<RecordCarrierEvents>());
    }
}
