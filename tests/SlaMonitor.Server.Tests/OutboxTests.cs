using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>The integration feed goes through the outbox: saved with the change, published after the commit, then deleted.</summary>
public sealed class OutboxTests : IAsyncLifetime
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
    public async Task A_new_promise_s_status_is_published_from_the_outbox_and_the_row_is_gone_afterwards()
    {
        var now = _app.Clock.GetCurrentInstant();

        using var response = await SignedEvents.PostAsync(_harnessed.CreateClient(), SignedEvents.Opened("T-1", now), now);
        response.EnsureSuccessStatusCode();

        Assert.True(await _harness.Published.Any<PromiseStatusChanged>(m => m.Context.Message.TicketRef == "T-1" && m.Context.Message.PreviousStatus == null));
        await Eventually.UntilAsync(CountAsync, count => count == 0, "the outbox emptied");
    }

    [Fact]
    public async Task A_message_claimed_by_a_dispatcher_that_died_is_published_once_its_lease_has_passed_with_its_own_message_id()
    {
        var messageId = Guid.CreateVersion7();
        var now = _app.Clock.GetCurrentInstant();
        await using (var scope = _harnessed.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
            db.Outbox.Add(new OutboxMessage
            {
                MessageId = messageId,
                Type = nameof(PromiseStatusChanged),
                PartitionKey = "T-LEASED",
                Body = JsonSerializer.Serialize(new PromiseStatusChanged
                {
                    TicketRef = "T-LEASED", Status = "AT_RISK", PreviousStatus = "ON_TRACK",
                    Deadline = now.ToDateTimeOffset(), ChangedAt = now.ToDateTimeOffset(),
                }),
                CreatedAt = now.ToDateTimeUtc(),
                ClaimedUntil = (now + Duration.FromSeconds(30)).ToDateTimeUtc(),
                Claim = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var whileClaimed = await CountAsync();
        _app.Clock.Advance(Duration.FromSeconds(31));

        var published = await _harness.Published.SelectAsync<PromiseStatusChanged>(m => m.Context.Message.TicketRef == "T-LEASED").First();
        Assert.Equal(1, whileClaimed);
        Assert.Equal(messageId, published.Context.MessageId);
        Assert.Equal("AT_RISK", published.Context.Message.Status);
        await Eventually.UntilAsync(CountAsync, count => count == 0, "the outbox emptied");
    }

    private async Task<int> CountAsync()
    {
        await using var scope = _harnessed.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaDbContext>().Outbox.CountAsync();
    }
}
