using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Issue 18: the attainment report on the embedded default (SQLite), over <see cref="ReportScenario"/>'s promises with the
/// rows computed by hand: a week crossing the end of summer time, a closing at the week's first instant, one a second before
/// the range and one at its end, a cancelled promise and a pause blamed on the customer.
/// </summary>
public sealed class ReportsApiTests(ReportsApiTests.Scenario scenario) : IClassFixture<ReportsApiTests.Scenario>
{
    private const string Zero = "PT0S PT0S PT0S PT0S";
    private readonly HttpClient _admin = scenario.Admin;

    /// <summary>One app with the scenario's promises for the whole class: the tests only read.</summary>
    public sealed class Scenario : IAsyncLifetime
    {
        private readonly SlaApp _app = new();

        public HttpClient Admin { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Admin = _app.Admin();
            await TestSetup.ConfigureAsync(Admin);
            await ReportScenario.PostAsync(_app.CreateClient(), _app.Clock.GetCurrentInstant());
            await ReportScenario.UntilClosedAsync(Admin);
        }

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Attainment_by_customer_and_week_in_berlin_is_as_computed_by_hand()
    {
        var rows = await ReportScenario.RowsAsync(_admin, $"from={ReportScenario.From}&to={ReportScenario.To}&tz={ReportScenario.Zone}&groupBy=customer,week");

        Assert.Equal(
            [
                $"customer=ACME,week=2026-W43 | 2 1 0 0.6667 | PT1H PT0S PT0S PT0S PT0S | PT1H30M",
                $"customer=ACME,week=2026-W44 | 1 0 1 1 | PT0S {Zero} | PT1H",
            ],
            rows);
    }

    [Fact]
    public async Task Weeks_in_utc_end_an_hour_later_and_the_range_moves_with_the_zone()
    {
        var rows = await ReportScenario.RowsAsync(_admin, $"from={ReportScenario.From}&to={ReportScenario.To}&groupBy=customer,week");

        Assert.Equal(
            [
                $"customer=ACME,week=2026-W43 | 3 1 0 0.75 | PT1H {Zero} | PT1H15M",
                $"customer=ACME,week=2026-W44 | 1 0 1 1 | PT0S {Zero} | PT1H",
            ],
            rows);
    }

    [Fact]
    public async Task Without_groupBy_one_row_sums_the_range()
    {
        var rows = await ReportScenario.RowsAsync(_admin, $"from={ReportScenario.From}&to={ReportScenario.To}&tz={ReportScenario.Zone}");

        Assert.Equal([$" | 3 1 1 0.75 | PT1H {Zero} | PT1H15M"], rows);
    }

    [Fact]
    public async Task Filters_and_instants_narrow_the_promises_counted()
    {
        var other = await ReportScenario.RowsAsync(_admin, $"from={ReportScenario.From}&to={ReportScenario.To}&customer=NOBODY");
        var lastSecond = await ReportScenario.RowsAsync(_admin, "from=2026-10-26T00:00:00%2B01:00&to=2026-10-26T00:00:00Z&groupBy=site,carrier");

        Assert.Empty(other);
        Assert.Equal([$"carrier=FASTLANE,site=ACME-FRA-DC2 | 1 0 0 1 | PT0S {Zero} | PT1H"], lastSecond);
    }

    [Fact]
    public async Task Csv_has_a_header_and_the_same_rows_as_the_json()
    {
        var query = $"from={ReportScenario.From}&to={ReportScenario.To}&tz={ReportScenario.Zone}&groupBy=customer,week";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/attainment?{query}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await _admin.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();
        var byFormat = await _admin.GetStringAsync($"/api/v1/reports/attainment?{query}&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "customer,week,met,missed,cancelled,attainment,lostCustomer,lostCustoms,lostCarrier,lostWeather,lostOther,medianMargin\r\n"
            + "ACME,2026-W43,2,1,0,0.6667,PT1H,PT0S,PT0S,PT0S,PT0S,PT1H30M\r\n"
            + "ACME,2026-W44,1,0,1,1,PT0S,PT0S,PT0S,PT0S,PT0S,PT1H\r\n",
            csv);
        Assert.Equal(csv, byFormat);
    }

    [Fact]
    public async Task Summary_on_the_embedded_database_scores_a_week_and_its_trend_as_computed_by_hand()
    {
        // Week 44 in Berlin: B met → (50 × 100 + 10 × 100) ÷ 60 = 100. The 168 hours before: A and C met, D missed →
        // attainment 66.7 → (50 × 66.7 + 10 × 100) ÷ 60 = 72.3. No escalation opened in either (the clock is weeks later).
        var body = await _admin.GetStringAsync($"/api/v1/reports/summary?from=2026-10-26&to=2026-11-02&tz={ReportScenario.Zone}");
        var customers = JsonNode.Parse(body)!["customers"]!.AsArray();

        Assert.Equal(
            ["ACME 100 72.3 27.7 (50 × 100 + 10 × 100) ÷ 60 = 100"],
            customers.Select(c => $"{c!["customer"]} {c["score"]} {c["previousScore"]} {c["trend"]} {c["working"]}"));
    }

    [Theory]
    [InlineData("to=2026-11-02", "from")]
    [InlineData("from=2026-11-02&to=2026-11-02", "to")]
    [InlineData("from=2026-11-02&to=2026-13-01", "to")]
    [InlineData("from=2026-10-01&to=2026-11-02&tz=Mars/Olympus", "tz")]
    [InlineData("from=2026-10-01&to=2026-11-02&groupBy=customer,planet", "groupBy")]
    [InlineData("from=2026-10-01&to=2026-11-02&groupBy=week,month", "groupBy")]
    [InlineData("from=2026-10-01&to=2026-11-02&format=xml", "format")]
    [InlineData("from=1900-01-01&to=2026-11-02", "from")]
    public async Task Bad_parameters_are_a_422_naming_the_parameter(string query, string field)
    {
        using var response = await _admin.GetAsync($"/api/v1/reports/attainment?{query}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
