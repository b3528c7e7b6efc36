using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Quartz;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Scheduling;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>The recurring clean-up deletes delivery-log rows older than Retention:DeliveryLogs and keeps the rest.</summary>
public sealed class CleanUpTests : IAsyncLifetime
{
    private readonly SlaApp _app = new(settings: new Dictionary<string, string?> { ["Retention:DeliveryLogs"] = "30.00:00:00" });

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        await FirstScheduledCleanUpDoneAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        foreach (var (tag, age) in new[] { ("old", Duration.FromDays(31)), ("recent", Duration.FromDays(29)) })
        {
            var at = (Now - age).ToDateTimeUtc();
            db.WebhookDeliveries.Add(new WebhookDelivery { CarrierCode = "FASTLANE", ReceivedAt = at, StatusCode = 202, DetailsJson = $"[\"{tag}\"]" });
            db.NotificationDeliveries.Add(new NotificationDelivery { Channel = "email", Target = $"{tag}@example.com", Attempt = 1, Result = "sent", At = at });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Delivery_logs_older_than_the_retention_are_deleted_and_newer_ones_kept_and_a_second_run_deletes_nothing()
    {
        var first = await CleanAsync();
        var second = await CleanAsync();

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal((2, 0), (first, second));
        Assert.Equal(["[\"recent\"]"], await db.WebhookDeliveries.Where(d => d.CarrierCode == "FASTLANE").Select(d => d.DetailsJson).ToListAsync(ct));
        Assert.Equal(["recent@example.com"], await db.NotificationDeliveries.Select(d => d.Target).ToListAsync(ct));
    }

    /// <summary>
    /// The hourly clean-up also runs once at start-up; the rows are seeded after it, so only the test's own runs see them.
    /// The job allows no concurrent run, so its trigger is Blocked while it runs and Normal again once it is done.
    /// </summary>
    private async Task FirstScheduledCleanUpDoneAsync()
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = new TriggerKey("clean-up-trigger", "maintenance");
        await Eventually.UntilAsync(
            async () => (await scheduler.GetTrigger(trigger))?.PreviousFireTimeUtc is not null && await scheduler.GetTriggerState(trigger) == TriggerState.Normal,
            done => done,
            "the start-up clean-up run to finish");
    }

    private async Task<int> CleanAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryLogCleanup>().CleanAsync(Now, TestContext.Current.CancellationToken);
    }
}
