using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using SlaMonitor.Server.Demo;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>`dotnet run` with demo traffic prints one summary line a minute, not HttpClient's four lines per request.</summary>
public sealed class DemoLoggingTests
{
    private static readonly Duration Tick = Duration.FromMilliseconds(500); // the default 2 events/s

    [Fact]
    public void Demo_traffic_logs_one_summary_line_per_minute()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var tally = new DemoTrafficTally(clock);
        var summaries = new List<(Instant At, DemoTrafficMinute Minute)>();

        for (var i = 0; i < 3 * 120; i++) // three minutes of ticks, as the generator's loop runs them
        {
            clock.Advance(Tick);
            tally.Posted(delivered: true);
            if (tally.TakeFinishedMinute() is { } minute)
            {
                summaries.Add((clock.GetCurrentInstant(), minute));
            }
        }

        Assert.Equal(
            [
                (Instant.FromUtc(2026, 11, 23, 9, 1), new DemoTrafficMinute(120, 0, 0, 0)),
                (Instant.FromUtc(2026, 11, 23, 9, 2), new DemoTrafficMinute(120, 0, 0, 0)),
                (Instant.FromUtc(2026, 11, 23, 9, 3), new DemoTrafficMinute(120, 0, 0, 0)),
            ],
            summaries);
    }

    [Fact]
    public void A_demo_summary_counts_only_its_own_minute()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var tally = new DemoTrafficTally(clock);
        tally.TicketOpened();
        tally.Posted(delivered: true);
        tally.TicketOpened();
        tally.Posted(delivered: false);
        tally.Posted(delivered: true);
        tally.TicketClosed();
        tally.Posted(delivered: true);

        clock.Advance(Duration.FromSeconds(59));
        var early = tally.TakeFinishedMinute();
        clock.Advance(Duration.FromSeconds(1));
        var first = tally.TakeFinishedMinute();
        var again = tally.TakeFinishedMinute();
        tally.Posted(delivered: false);
        clock.Advance(Duration.FromMinutes(1));
        var second = tally.TakeFinishedMinute();

        Assert.Null(early);
        Assert.Equal(new DemoTrafficMinute(Posted: 4, Opened: 2, Closed: 1, Failed: 1), first);
        Assert.Null(again);
        Assert.Equal(new DemoTrafficMinute(Posted: 1, Opened: 0, Closed: 0, Failed: 1), second);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task HttpClient_logs_only_warnings_while_the_demo_summary_line_shows(string environment)
    {
        // SlaApp quietens everything to Warning; put the default back to appsettings.json's Information.
        await using var app = new SlaApp(environment, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Auth:ApiKeys:0:Key"] = "prod-admin-key-0123456789",
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Notifications:Smtp:Host"] = "smtp.example.com",
        });
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        var logicalHandler = loggers.CreateLogger($"System.Net.Http.HttpClient.{DemoTrafficGenerator.HttpClientName}.LogicalHandler");
        var clientHandler = loggers.CreateLogger($"System.Net.Http.HttpClient.{DemoTrafficGenerator.HttpClientName}.ClientHandler");
        var generator = loggers.CreateLogger<DemoTrafficGenerator>();

        Assert.False(logicalHandler.IsEnabled(LogLevel.Information));
        Assert.False(clientHandler.IsEnabled(LogLevel.Information));
        Assert.True(logicalHandler.IsEnabled(LogLevel.Warning));
        Assert.True(clientHandler.IsEnabled(LogLevel.Warning));
        Assert.True(generator.IsEnabled(LogLevel.Information));
    }
}
