using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Notifications;
using SlaMonitor.Server.Reports;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 18: the weekly report, Monday 07:00 in each recipient's zone, through the durable alert path to a real SMTP
/// server, on a fake clock. Monday 2 November 2026 is the day after New York left summer time (07:00 there is 12:00Z, not
/// 11:00Z) and a week after Berlin did (07:00 there is 06:00Z). The week reported is the one before, in the recipient's zone.
/// </summary>
public sealed class WeeklyReportTests(Servers servers, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private const string Executive = "ceo@example.com";

    [Fact]
    public async Task Each_recipient_gets_last_weeks_report_at_seven_on_monday_in_their_own_zone_once()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 2, 5, 59));
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Escalating.Settings(new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = smtp.Host,
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Reports:ExecutiveRecipients"] = Executive,
            ["Reports:ExecutiveTimeZone"] = "Europe/Berlin",
        }), clock: clock);
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var customer = TestSetup.CustomerBody();
        customer["accountManagers"] = new JsonArray(new JsonObject { ["name"] = "Dana", ["email"] = Escalating.AccountManager, ["timeZone"] = "America/New_York" });
        (await client.PutAsJsonAsync($"/api/v1/customers/{TestSetup.Customer}", customer)).EnsureSuccessStatusCode();
        await ReportScenario.PostAsync(client, clock.GetCurrentInstant());
        await ReportScenario.UntilClosedAsync(client);

        var queued = new List<int> { await RunAsync(app, clock) };
        clock.Reset(Instant.FromUtc(2026, 11, 2, 6, 0));
        queued.Add(await RunAsync(app, clock));
        var executiveMail = await Eventually.UntilAsync(() => Task.FromResult(smtp.Messages().Where(m => m.To.ToString().Contains(Executive, StringComparison.Ordinal)).ToList()), m => m.Count == 1, "the executive's report");
        clock.Reset(Instant.FromUtc(2026, 11, 2, 11, 59));
        queued.Add(await RunAsync(app, clock));
        clock.Reset(Instant.FromUtc(2026, 11, 2, 12, 0));
        queued.Add(await RunAsync(app, clock));
        queued.Add(await RunAsync(app, clock));
        var managerMail = await Eventually.UntilAsync(() => Task.FromResult(smtp.Messages().Where(m => m.To.ToString().Contains(Escalating.AccountManager, StringComparison.Ordinal)).ToList()), m => m.Count == 1, "the account manager's report");

        Assert.Equal([0, 1, 1, 2, 2], queued);
        Assert.Equal("[SlaMonitor] Weekly report 2026-W44: attainment 100.0 %", executiveMail[0].Subject);
        Assert.Contains($"{Escalating.BoardUrl}/reports?from=2026-10-26&amp;to=2026-11-02&amp;tz=Europe%2FBerlin&amp;groupBy=customer", executiveMail[0].HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<td>ACME</td><td>1</td><td>0</td><td>1</td><td>100.0 %</td><td>PT1H</td>", executiveMail[0].HtmlBody, StringComparison.Ordinal);
        // The executives' scores: W44 1 met → (50 × 100 + 10 × 100) ÷ 60 = 100; W43 2 met, 1 missed → 72.3 (ReportScenario).
        Assert.Contains("<td>ACME</td><td>100</td><td>+27.7</td><td>(50 × 100 + 10 × 100) ÷ 60 = 100</td>", WebUtility.HtmlDecode(executiveMail[0].HtmlBody), StringComparison.Ordinal);
        Assert.DoesNotContain("Scores", managerMail[0].HtmlBody, StringComparison.Ordinal);
        Assert.Equal("[SlaMonitor] Weekly report 2026-W44: attainment 100.0 %", managerMail[0].Subject);
        Assert.Contains("tz=America%2FNew_York", managerMail[0].HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<td>ACME</td><td>1</td><td>0</td><td>1</td><td>100.0 %</td><td>PT1H</td>", managerMail[0].HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>Runs the job's work at the fake clock's instant; returns how many report emails are queued in all.</summary>
    private static async Task<int> RunAsync(SlaHost app, FakeClock clock)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WeeklyReport>().RunAsync(clock.GetCurrentInstant(), CancellationToken.None);
        }

        return await app.ReadAsync(db => db.Alerts.CountAsync(a => a.Notify == ComposedEmails.Notify));
    }
}
