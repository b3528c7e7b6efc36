using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Scheduling;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 18's carrier scorecards on PostgreSQL (percentiles by percentile_cont): <see cref="ScorecardScenario"/>'s rows
/// computed by hand, the same rows once the delivery log's retention deleted its rows (from the daily roll-up), an account
/// manager's view, the CSV, and a real rejected webhook request counted.
/// </summary>
public sealed class CarrierScorecardTests(Servers servers)
{
    private const string ManagerKey = "manager-key-0123456789";

    private static readonly Dictionary<string, string?> Keys = new()
    {
        ["Auth:ApiKeys:0:Key"] = TestSetup.AdminKey,
        ["Auth:ApiKeys:0:Role"] = "admin",
        ["Auth:ApiKeys:1:Key"] = ManagerKey,
        ["Auth:ApiKeys:1:Role"] = "accountManager",
        ["Auth:ApiKeys:1:Customers:0"] = TestSetup.Customer,
    };

    [Fact]
    public async Task Scorecards_on_postgres_are_as_computed_by_hand_and_the_same_after_the_delivery_log_is_deleted()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await SeedAsync(app, client);

        var before = await ScorecardScenario.RowsAsync(client);
        var cleaned = await CleanAsync(app, Instant.FromUtc(2026, 12, 31, 12, 0));
        var again = await CleanAsync(app, Instant.FromUtc(2026, 12, 31, 12, 0));
        var after = await ScorecardScenario.RowsAsync(client);

        Assert.Equal(ScorecardScenario.Expected, before);
        Assert.True(cleaned >= 0 && again == 0, $"cleaned {cleaned}, then {again}");
        Assert.Equal(0, await app.ReadAsync(db => db.WebhookDeliveries.CountAsync(d => d.ReceivedAt < new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc))));
        var days = await app.ReadAsync(db => db.WebhookDailyCounts.OrderBy(d => d.CarrierCode).ThenBy(d => d.Day)
            .Select(d => $"{d.CarrierCode} {d.Day:yyyy-MM-dd} {d.Requests} {d.Rejected} {d.AcceptedEvents}").ToListAsync());
        Assert.Equal(
            [
                "BROKERX 2026-11-04 1 0 1", "BROKERX 2026-11-05 1 0 1",
                "FASTLANE 2026-10-28 1 0 1", "FASTLANE 2026-10-29 1 0 1", "FASTLANE 2026-11-03 1 0 1", "FASTLANE 2026-11-04 1 1 0",
                "FASTLANE 2026-11-05 1 0 1", "FASTLANE 2026-11-06 1 0 1", "FASTLANE 2026-11-09 1 1 0",
            ],
            days);
        Assert.Equal(ScorecardScenario.Expected, after);
    }

    /// <summary>
    /// Two workers' clean-ups at once: each day is rolled up once with the day's counts (a run that loses the race on a
    /// roll-up row fails as a whole, deleting nothing, and the job retries at its next run), and the rows are the same.
    /// </summary>
    [Fact]
    public async Task Two_clean_ups_at_once_roll_each_day_up_once()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await SeedAsync(app, client);
        var now = Instant.FromUtc(2026, 12, 31, 12, 0);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return await CleanAsync(app, now) >= 0;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }));
        await CleanAsync(app, now); // the next hourly run

        Assert.Contains(true, runs);
        var totals = await app.ReadAsync(db => db.WebhookDailyCounts.GroupBy(d => 1)
            .Select(g => new { Rows = g.Count(), Requests = g.Sum(d => d.Requests), Rejected = g.Sum(d => d.Rejected) }).SingleAsync());
        Assert.Equal(new { Rows = 9, Requests = 9, Rejected = 2 }, totals);
        Assert.Equal(ScorecardScenario.Expected, await ScorecardScenario.RowsAsync(client));
    }

    [Fact]
    public async Task An_account_manager_sees_the_figures_of_their_customers_promises_and_no_webhook_figures()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Keys);
        using var client = app.Admin();
        await SeedAsync(app, client);
        using var manager = app.CreateClient();
        manager.DefaultRequestHeaders.Authorization = new("Bearer", ManagerKey);

        var rows = await ScorecardScenario.RowsAsync(manager);

        Assert.Equal(
            [
                "BROKERX | 0 0 0 0 null | 0 0 null null | 2 2 PT1H30M PT1H54M | null null null | 4 0 | null null null | prev 0 null null null null | 0 null",
                "FASTLANE | 4 2 1 1 0.6667 | 3 3 PT3H PT5H24M | 0 0 null null | PT3H24M 33.33 33.33 | 10 0.1 | null null null | prev 2 1 null null null | 2 -0.3333",
                "SWIFT | 1 1 0 0 1 | 1 1 PT1H30M PT1H30M | 0 0 null null | PT1H30M 0 0 | 2 0 | null null null | prev 0 null null null null | 1 null",
            ],
            rows);
    }

    [Fact]
    public async Task The_csv_has_a_header_and_a_line_per_carrier_with_the_json_figures()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await SeedAsync(app, client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/carriers?{ScorecardScenario.Range}");
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await client.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            [
                "carrier,promises,met,missed,cancelled,onTime,shipments,pickupToDeliveredCount,pickupToDeliveredMedian,pickupToDeliveredP90,customsHolds,"
                + "customsReleaseCount,customsReleaseMedian,customsReleaseP90,scanGapP95,exceptionsPer100,delaysPer100,events,lateEventShare,webhookRequests,"
                + "webhookRejected,rejectionsPer1000,previousPromises,previousOnTime,previousExceptionsPer100,previousLateEventShare,previousRejectionsPer1000,"
                + "promisesChange,onTimeChange",
                "BROKERX,0,0,0,0,,0,0,,,2,2,PT1H30M,PT1H54M,,,,4,0,2,0,0,0,,,,,0,",
                "FASTLANE,4,2,1,1,0.6667,3,3,PT3H,PT5H24M,0,0,,,PT3H24M,33.33,33.33,10,0.1,4,1,250,2,1,,,0,2,-0.3333",
                "SWIFT,2,2,0,0,1,1,1,PT1H30M,PT1H30M,0,0,,,PT1H30M,0,0,2,0,0,0,,0,,,,,2,",
                "",
            ],
            lines);
    }

    [Fact]
    public async Task A_rejected_webhook_request_counts_in_its_carriers_rejections_per_thousand()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var now = Webhook.Now();
        var invalid = SignedEvents.Event("SC-REJECTED", "shipment", "PICKED_UP", now);
        invalid["occurredAt"] = "yesterday";
        using (var response = await SignedEvents.PostAsync(client, invalid, now))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        await Webhook.PostAcceptedAsync(client, SignedEvents.Opened("SC-ACCEPTED", now - Duration.FromMinutes(5)));
        await Eventually.UntilAsync(() => app.ReadAsync(db => db.WebhookDeliveries.CountAsync()), n => n == 2, "both requests in the delivery log");
        var today = now.InUtc().Date;
        using var answer = await client.GetAsync($"/api/v1/reports/carriers?from={today:yyyy-MM-dd}&to={today.PlusDays(1):yyyy-MM-dd}");
        var row = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["rows"]!.AsArray().Single(r => r!["carrier"]!.GetValue<string>() == TestSetup.Carrier)!;

        Assert.Equal((2, 1, 500.0), (row["webhookRequests"]!.GetValue<int>(), row["webhookRejected"]!.GetValue<int>(), row["rejectionsPer1000"]!.GetValue<double>()));
    }

    private static async Task SeedAsync(SlaHost app, HttpClient admin)
    {
        await TestSetup.ConfigureAsync(admin);
        await app.ReadAsync(db =>
        {
            ScorecardScenario.Seed(db);
            return db.SaveChangesAsync();
        });
    }

    private static async Task<int> CleanAsync(SlaHost app, Instant now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryLogCleanup>().CleanAsync(now, TestContext.Current.CancellationToken);
    }
}
