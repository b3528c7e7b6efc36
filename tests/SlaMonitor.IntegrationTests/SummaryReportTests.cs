using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 18's executive summary on PostgreSQL over <see cref="SummaryData"/>, every figure computed by hand:
/// <list type="bullet">
/// <item>ACME: attainment 6 ÷ 11 = 54.5; breaches prevented 2 of 4 finished escalations = 50 (the open promise's is not
/// finished); time to acknowledge: median of 10, 30, 40, 50 min = 35 min → 100 × 15 ÷ 35 = 42.9; open breaches 2 at
/// the range's end → 80. Score (50 × 54.5 + 20 × 50 + 20 × 42.9 + 10 × 80) ÷ 100 = 53.83 → 53.8. Previous period: 2 met,
/// nothing else → (50 × 100 + 10 × 100) ÷ 60 = 100; trend −46.2.</item>
/// <item>GLOBEX: 4 ÷ 9 = 44.4; 1 of 3 = 33.3; median of 5 and 20 min = 12.5 min, under the target → 100; no open breach
/// → 100. Score (2,220 + 666 + 2,000 + 1,000) ÷ 100 = 58.86 → 58.9; nothing before: no trend.</item>
/// </list>
/// </summary>
public sealed class SummaryReportTests(SummaryReportTests.Scenario scenario) : IClassFixture<SummaryReportTests.Scenario>
{
    private const string ManagerKey = "summary-acme-manager-0001";
    private const string Range = $"from={SummaryData.From}&to={SummaryData.To}";

    /// <summary>One database and host with the summary's rows for the class: the tests only read.</summary>
    public sealed class Scenario(Servers servers) : IAsyncLifetime
    {
        private TestDatabase? _database;

        public SlaHost App { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
            App = new SlaHost(servers, _database, SlaHost.NewEndpointPrefix(), settings: new Dictionary<string, string?>
            {
                ["Auth:ApiKeys:0:Key"] = TestSetup.AdminKey, ["Auth:ApiKeys:0:Role"] = "admin",
                ["Auth:ApiKeys:1:Key"] = ManagerKey, ["Auth:ApiKeys:1:Role"] = "accountManager", ["Auth:ApiKeys:1:Customers:0"] = TestSetup.Customer,
            });
            using var admin = App.Admin();
            await SummaryData.SeedAsync(App, admin);
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Each_customers_score_parts_and_trend_are_as_computed_by_hand()
    {
        using var admin = scenario.App.Admin();
        var report = await GetAsync(admin, Range);

        Assert.Equal(
            [
                "ACME 53.8 prev 100 trend -46.2 | points 54.5 50 42.9 80 | (50 × 54.5 + 20 × 50 + 20 × 42.9 + 10 × 80) ÷ 100 = 53.8 "
                + "| 6 5 0.5455 | escalations 5 settled 4 prevented 2 0.5 | acknowledged 4 PT35M | open 2",
                "GLOBEX 58.9 prev null trend null | points 44.4 33.3 100 100 | (50 × 44.4 + 20 × 33.3 + 20 × 100 + 10 × 100) ÷ 100 = 58.9 "
                + "| 4 5 0.4444 | escalations 3 settled 3 prevented 1 0.3333 | acknowledged 2 PT12M30S | open 0",
            ],
            report["customers"]!.AsArray().Select(Describe));
        Assert.Equal("2026-10-12T00:00:00+00:00", report["openBreachesAt"]!.GetValue<string>());
        Assert.Equal("2026-09-28T00:00:00+00:00", report["previousFrom"]!.GetValue<string>());
        Assert.Equal("PT15M", report["acknowledgeTarget"]!.GetValue<string>());
        Assert.StartsWith("score = (50 × attainment + 20 × breaches prevented + 20 × time to acknowledge + 10 × open breaches)", report["formula"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worst_lanes_need_five_closed_promises_and_reasons_are_counted_once_per_promise_in_words()
    {
        using var admin = scenario.App.Admin();
        var report = await GetAsync(admin, Range);

        // GLOBEX's FASTLANE lane into NA (0 of 4) is worse than all but has fewer than 5 closed promises.
        Assert.Equal(
            ["SLOWPOST into EU, 4H-ONSITE 0.4 (2/3)", "FASTLANE into EU, 4H-ONSITE 0.6667 (4/2)", "NORDFREIGHT into NA, 4H-ONSITE 0.8 (4/1)"],
            report["worstLanes"]!.AsArray().Select(l => $"{l!["lane"]} {l["attainment"]} ({l["met"]}/{l["missed"]})"));
        // ACME-FL-X1 was escalated twice for customs: one promise. Ties (1 promise each) in the order of their words.
        Assert.Equal(
            ["customs hold at ACME-FRA-DC2 (3 promises)", "carrier delay at GLX-NYC (2 promises)", "customs hold at GLX-NYC (1 promise)"],
            report["topReasons"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Csv_has_a_header_and_a_row_per_customer_with_the_jsons_figures()
    {
        using var admin = scenario.App.Admin();
        var csv = await admin.GetStringAsync($"/api/v1/reports/summary?{Range}&format=csv");

        Assert.Equal(
            "customer,score,previousScore,trend,attainmentPoints,breachesPreventedPoints,timeToAcknowledgePoints,openBreachesPoints,"
            + "met,missed,attainment,escalations,settledEscalations,breachesPrevented,preventedShare,acknowledged,medianTimeToAcknowledge,openBreaches\r\n"
            + "ACME,53.8,100,-46.2,54.5,50,42.9,80,6,5,0.5455,5,4,2,0.5,4,PT35M,2\r\n"
            + "GLOBEX,58.9,,,44.4,33.3,100,100,4,5,0.4444,3,3,1,0.3333,2,PT12M30S,0\r\n",
            csv);
    }

    [Fact]
    public async Task Account_manager_sees_only_their_customers_and_another_customer_is_404()
    {
        using var manager = scenario.App.CreateClient();
        manager.DefaultRequestHeaders.Authorization = new("Bearer", ManagerKey);
        var report = await GetAsync(manager, Range);
        using var other = await manager.GetAsync($"/api/v1/reports/summary?{Range}&customer=GLOBEX");

        Assert.Equal(["ACME"], report["customers"]!.AsArray().Select(c => c!["customer"]!.GetValue<string>()));
        Assert.Equal(["SLOWPOST into EU, 4H-ONSITE", "FASTLANE into EU, 4H-ONSITE"], report["worstLanes"]!.AsArray().Select(l => l!["lane"]!.GetValue<string>()));
        Assert.Equal(["customs hold at ACME-FRA-DC2 (3 promises)", "late pickup at ACME-FRA-DC2 (1 promise)"], report["topReasons"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Theory]
    [InlineData("to=2026-10-12", "from")]
    [InlineData("from=2026-10-12&to=2026-10-05", "to")]
    [InlineData("from=2026-10-05&to=2026-10-12&tz=Mars/Olympus", "tz")]
    [InlineData("from=2026-10-05&to=2026-10-12&format=xml", "format")]
    public async Task Bad_parameters_are_a_422_naming_the_field(string query, string field)
    {
        using var admin = scenario.App.Admin();
        using var response = await admin.GetAsync($"/api/v1/reports/summary?{query}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/reports/summary?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static string Describe(JsonNode? c)
    {
        var p = c!["points"]!;
        string N(JsonNode? v) => v?.ToJsonString() ?? "null";
        return $"{c["customer"]} {N(c["score"])} prev {N(c["previousScore"])} trend {N(c["trend"])} | points {N(p["attainment"])} {N(p["breachesPrevented"])} "
            + $"{N(p["timeToAcknowledge"])} {N(p["openBreaches"])} | {c["working"]} | {c["met"]} {c["missed"]} {N(c["attainment"])} | escalations {c["escalations"]} "
            + $"settled {c["settledEscalations"]} prevented {c["breachesPrevented"]} {N(c["preventedShare"])} | acknowledged {c["acknowledged"]} "
            + $"{c["medianTimeToAcknowledge"]} | open {c["openBreaches"]}";
    }
}
