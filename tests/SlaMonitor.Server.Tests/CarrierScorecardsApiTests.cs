using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Promises;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Issue 18's carrier scorecards on the embedded default (SQLite, percentiles taken in memory): the same hand-computed rows
/// as on PostgreSQL, bad parameters answered 422 naming the field, and which carrier a promise belongs to.
/// </summary>
public sealed class CarrierScorecardsApiTests : IAsyncLifetime
{
    private readonly SlaApp _app = new();
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        ScorecardScenario.Seed(db);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Scorecards_on_sqlite_are_the_rows_computed_by_hand()
    {
        Assert.Equal(ScorecardScenario.Expected, await ScorecardScenario.RowsAsync(_admin));
    }

    [Theory]
    [InlineData("to=2026-11-02", "from")]
    [InlineData("from=2026-11-02&to=2026-11-01", "to")]
    [InlineData("from=2026-10-01&to=2026-11-02&tz=Mars/Olympus", "tz")]
    [InlineData("from=2026-10-01&to=2026-11-02&format=xml", "format")]
    public async Task Bad_parameters_are_a_422_naming_the_parameter(string query, string field)
    {
        using var response = await _admin.GetAsync($"/api/v1/reports/carriers?{query}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public void A_promise_belongs_to_the_sender_of_its_shipment_events_even_when_a_brokers_customs_event_came_last()
    {
        StoredEvent Sent(string carrier, string kind, int hour) => new()
        {
            CarrierCode = carrier, EventId = $"{carrier}-{hour}", Kind = kind, Code = "X", OccurredAt = new DateTime(2026, 11, 2, hour, 0, 0, DateTimeKind.Utc),
        };

        Assert.Equal("FASTLANE", EngineRows.CarrierOf([Sent("OPENER", "repair", 7), Sent("FASTLANE", "shipment", 8), Sent("BROKERX", "customs", 9)]));
        Assert.Equal("BROKERX", EngineRows.CarrierOf([Sent("OPENER", "repair", 7), Sent("BROKERX", "customs", 9)]));
        Assert.Equal("OPENER", EngineRows.CarrierOf([Sent("OPENER", "repair", 7)]));
    }
}
