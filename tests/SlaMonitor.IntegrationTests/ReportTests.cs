using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 18 on PostgreSQL (its own dialect of the attainment statement): the hand-computed rows of
/// <see cref="ReportScenario"/>, and a CSV of 100,000 rows read as a stream.
/// </summary>
public sealed class ReportTests(Servers servers)
{
    private const string Zero = "PT0S PT0S PT0S PT0S";

    [Fact]
    public async Task Attainment_rows_on_postgres_are_as_computed_by_hand()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        await ReportScenario.PostAsync(client, Webhook.Now());
        await ReportScenario.UntilClosedAsync(client);
        var range = $"from={ReportScenario.From}&to={ReportScenario.To}";

        var berlin = await ReportScenario.RowsAsync(client, $"{range}&tz={ReportScenario.Zone}&groupBy=customer,week");
        var utc = await ReportScenario.RowsAsync(client, $"{range}&groupBy=customer,week");
        var total = await ReportScenario.RowsAsync(client, $"{range}&tz={ReportScenario.Zone}");

        Assert.Equal(
            [
                $"customer=ACME,week=2026-W43 | 2 1 0 0.6667 | PT1H {Zero} | PT1H30M",
                $"customer=ACME,week=2026-W44 | 1 0 1 1 | PT0S {Zero} | PT1H",
            ],
            berlin);
        Assert.Equal(
            [
                $"customer=ACME,week=2026-W43 | 3 1 0 0.75 | PT1H {Zero} | PT1H15M",
                $"customer=ACME,week=2026-W44 | 1 0 1 1 | PT0S {Zero} | PT1H",
            ],
            utc);
        Assert.Equal([$" | 3 1 1 0.75 | PT1H {Zero} | PT1H15M"], total);
    }

    [Fact]
    public async Task A_csv_of_100000_rows_streams_with_a_header_and_every_row()
    {
        const int Customers = 100_000;
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        await app.ReadAsync(db => db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO "Promises" ("TicketRef", "CustomerCode", "SiteCode", "ServiceLevel", "PolicyVersion", "Status", "OpenedAt", "Deadline",
              "ClosedAt", "PausedSeconds", "PausedByBlameJson", "ReasonsJson", "UpdatedAt", "Revision", "MarginSeconds",
              "LostCustomerSeconds", "LostCustomsSeconds", "LostCarrierSeconds", "LostWeatherSeconds", "LostOtherSeconds")
            SELECT 'CSV-' || i, 'C' || lpad(i::text, 6, '0'), '{{TestSetup.Site}}', '{{TestSetup.ServiceLevel}}', 1, 'MET',
              '2026-11-02 08:00+00', '2026-11-02 12:00+00', '2026-11-02 11:00+00', 0, chr(123) || chr(125), '[]', '2026-11-02 11:00+00', 0, 3600,
              0, 0, 0, 0, 0
            FROM generate_series(1, {{Customers}}) AS i;
            INSERT INTO "ClosedPromises" ("TicketRef", "ClosedAt", "Status", "MarginSeconds", "LostCustomerSeconds", "LostCustomsSeconds",
              "LostCarrierSeconds", "LostWeatherSeconds", "LostOtherSeconds", "CustomerCode", "Region", "CarrierCode", "ServiceLevel", "SiteCode")
            SELECT "TicketRef", "ClosedAt", 1, "MarginSeconds", 0, 0, 0, 0, 0, "CustomerCode", 'EU', NULL, "ServiceLevel", "SiteCode" FROM "Promises"
            """));

        using var response = await client.GetAsync("/api/v1/reports/attainment?from=2026-11-02&to=2026-11-03&groupBy=customer&format=csv", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(body);
        var header = await reader.ReadLineAsync();
        var rows = 0;
        string? first = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            first ??= line;
            rows++;
        }

        Assert.Null(response.Content.Headers.ContentLength); // written as read (chunked), not buffered to learn its length
        Assert.Equal("customer,met,missed,cancelled,attainment,lostCustomer,lostCustoms,lostCarrier,lostWeather,lostOther,medianMargin", header);
        Assert.Equal("C000001,1,0,0,1,PT0S,PT0S,PT0S,PT0S,PT0S,PT1H", first);
        Assert.Equal(Customers, rows);
    }
}
