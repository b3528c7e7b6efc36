using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Board;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 15: the SMTP server is down (its process killed) for a minute while escalations come due, then comes back on
/// the same port. The alerts are retried meanwhile, shown as not delivered, and every one arrives once it is back.
/// docs/reliability.md.
/// </summary>
public sealed class SmtpOutageTests(Servers servers, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private const int Waves = 3;
    private const int TicketsPerWave = 4;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Alerts_due_while_the_smtp_server_is_down_show_as_retrying_and_all_arrive_once_it_is_back_one_distinct_id_each_in_order()
    {
        var wall = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Escalating.Settings(Settings()));
        using var client = app.Admin();
        await Escalating.ConfigureAsync(client);
        var policy = TestSetup.PolicyBody();
        policy["escalation"] = new JsonArray(new JsonObject { ["level"] = 1, ["notify"] = "accountManager", ["after"] = "PT0M" });
        await Escalating.PutAsync(client, $"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        var carriers = await Escalating.CarriersAsync(client, "OUTAGE", Waves * TicketsPerWave);
        var tickets = carriers.Select(_ => PromisesApi.NewTicketRef()).ToList();

        await smtp.StopAsync();
        var down = Stopwatch.StartNew();
        for (var wave = 0; wave < Waves; wave++)
        {
            await UntilElapsedAsync(down, Outage / Waves * wave);
            foreach (var i in Enumerable.Range(wave * TicketsPerWave, TicketsPerWave))
            {
                await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(tickets[i], Webhook.Now() - Escalating.OpenedAgo), carriers[i]);
            }
        }

        // While it is down: each escalation says its alert is not delivered yet, in the API and in the board's data.
        var shown = await Eventually.UntilAsync(
            () => AlertStatesAsync(client), s => tickets.All(t => s.GetValueOrDefault(t) == AlertStates.Retrying),
            "every escalation's alert shown as retrying in the API", TimeSpan.FromSeconds(60));
        var board = await app.ReadAsync(db => BoardEscalations.UnresolvedAsync(db, SystemClock.Instance.GetCurrentInstant(), CancellationToken.None));
        await UntilElapsedAsync(down, Outage);
        var beforeRestart = await AlertsAsync(database);
        var mailsWhileDown = smtp.Messages().Count;
        await smtp.StartAsync();
        var outage = down.Elapsed;

        Assert.Equal(tickets.Count, shown.Count(s => tickets.Contains(s.Key)));
        Assert.All(tickets, t => Assert.Equal(AlertStates.Retrying, board.Single(b => b.Escalation.TicketRef == t).Escalation.AlertState));
        Assert.Equal(0, mailsWhileDown);
        Assert.Equal(tickets.Count, beforeRestart.Count);
        Assert.All(beforeRestart, a => Assert.True(a.State is AlertStates.Pending or AlertStates.Sending && a.Attempts >= 1, $"alert {a.Id}: {a.State} after {a.Attempts} tries"));

        var alerts = await Eventually.UntilAsync(
            () => AlertsAsync(database), a => a.All(x => x.State == AlertStates.Sent), "every alert sent once the SMTP server is back", TimeSpan.FromSeconds(90));
        await Eventually.UntilAsync(() => AlertStatesAsync(client), s => tickets.All(t => s.GetValueOrDefault(t) == AlertStates.Sent), "every escalation showing its alert sent");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a late repeat to show up

        var arrivals = smtp.Arrivals().Select(id => Guid.ParseExact(id.Split('.')[0], "N")).ToList();
        var byId = alerts.ToDictionary(a => a.Id);
        Assert.All(arrivals, id => Assert.True(byId.ContainsKey(id), $"an email with the Message-Id of unknown alert {id}"));
        Assert.Equal(alerts.Select(a => a.Id).Order(), arrivals.Distinct().Order());
        foreach (var escalation in alerts.GroupBy(a => a.EscalationId))
        {
            var firstArrivals = arrivals.Distinct().Where(id => byId[id].EscalationId == escalation.Key).ToList();
            Assert.Equal(escalation.OrderBy(a => a.CreatedAt).Select(a => a.Id), firstArrivals);
        }

        var repeats = arrivals.Count - arrivals.Distinct().Count();
        var summary = string.Join(Environment.NewLine,
            $"SMTP down {outage.TotalSeconds:0.0} s with {tickets.Count} escalations due ({Waves} waves); {beforeRestart.Sum(a => a.Attempts)} failed tries before the restart",
            $"emails {arrivals.Count}, distinct alert ids {arrivals.Distinct().Count()}, repeats {repeats}, SMTP sessions {smtp.Sessions()}",
            $"test wall time {wall.Elapsed.TotalSeconds:0} s");
        TestContext.Current.SendDiagnosticMessage(summary);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"slamonitor-smtpoutage-{DateTime.UtcNow:yyyyMMdd-HHmmss}.summary.txt"), summary);
    }

    /// <summary>Retries every second or two, many more tries than an outage of a minute takes.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["Notifications:Smtp:Host"] = smtp.Host,
        ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Alerts:FirstRetry"] = "00:00:01",
        ["Notifications:Alerts:RetryCap"] = "00:00:02",
        ["Notifications:Alerts:MaxAttempts"] = "100",
        ["Notifications:Alerts:PollEvery"] = "00:00:00.200",
    };

    /// <summary>The fault's schedule (when to post, when to bring the server back), not a check of speed.</summary>
    private static Task UntilElapsedAsync(Stopwatch since, TimeSpan at) => Task.Delay(at > since.Elapsed ? at - since.Elapsed : TimeSpan.Zero);

    private static async Task<Dictionary<string, string?>> AlertStatesAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/escalations?limit=1000");
        return page.GetProperty("items").EnumerateArray().ToDictionary(
            e => e.GetProperty("ticketRef").GetString()!,
            e => e.TryGetProperty("alertState", out var state) ? state.GetString() : null);
    }

    private static async Task<List<Alert>> AlertsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.Alerts.AsNoTracking().ToListAsync();
    }
}
