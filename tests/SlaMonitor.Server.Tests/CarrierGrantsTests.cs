using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Issue 16, "carriers are granted customers": an event of a carrier for a promise of a customer it is not granted
/// changes nothing, refused at the webhook where it can tell (an OPENED names its customer), else when applied.
/// </summary>
public sealed class CarrierGrantsTests : IAsyncLifetime
{
    private const string Stranger = "STRANGER";
    private const string StrangerSecret = "test-secret-stranger-0001";
    private const string OtherCustomer = "OTHERCO";
    private readonly SlaApp _app = new();
    private HttpClient _admin = null!;
    private HttpClient _carrier = null!;

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        _carrier = _app.CreateClient();
        await TestSetup.ConfigureAsync(_admin);
        await PutAsync($"/api/v1/carriers/{Stranger}", Carrier(OtherCustomer));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("[]", "is required")]
    [InlineData("[\"*\",\"ACME\"]", "not both")]
    [InlineData("[\"AC ME\"]", "letters, digits")]
    public async Task A_carrier_without_valid_customers_is_refused_naming_the_field(string? customers, string says)
    {
        var body = Carrier("ACME");
        body["customers"] = customers is null ? null : JsonNode.Parse(customers);
        using var response = await _admin.PutAsJsonAsync($"/api/v1/carriers/{Stranger}", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var messages = errors.EnumerateObject().Where(e => e.Name.StartsWith("customers", StringComparison.Ordinal)).SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_carrier_view_shows_its_customers()
    {
        var view = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{Stranger}");
        Assert.Equal([OtherCustomer], view.GetProperty("customers").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task An_OPENED_for_a_customer_the_carrier_is_not_granted_is_refused_with_the_reason_and_opens_nothing()
    {
        using var response = await SignedEvents.PostAsync(_carrier, SignedEvents.Opened("T-GRANT-1", Now), Now, Stranger, StrangerSecret);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = Assert.Single(answer.GetProperty("results").EnumerateArray());
        Assert.Equal("refused", result.GetProperty("result").GetString());
        Assert.Contains($"not granted customer {TestSetup.Customer}", result.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, answer.GetProperty("accepted").GetInt32());

        // An accepted event after it is applied first: then nothing of the refused one can be pending.
        await PostAcceptedAsync(SignedEvents.Opened("T-GRANT-2", Now));
        await Eventually.UntilAsync(() => _admin.GetAsync("/api/v1/promises/T-GRANT-2"), r => r.IsSuccessStatusCode, "the granted promise");
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/promises/T-GRANT-1")).StatusCode);
        await using var db = Db();
        Assert.False(await db.Events.AnyAsync(e => e.TicketRef == "T-GRANT-1"));
    }

    [Fact]
    public async Task A_milestone_from_an_ungranted_carrier_is_refused_when_applied_changes_nothing_and_shows_in_its_delivery_log()
    {
        await PostAcceptedAsync(SignedEvents.Opened("T-GRANT-3", Now - Duration.FromHours(1)));
        (await Eventually.UntilAsync(() => _admin.GetAsync("/api/v1/promises/T-GRANT-3"), r => r.IsSuccessStatusCode, "the promise")).Dispose();

        var before = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/promises/T-GRANT-3");

        var onsite = SignedEvents.Event("T-GRANT-3", "repair", TestSetup.FulfilledBy, Now);
        using (var response = await SignedEvents.PostAsync(_carrier, onsite, Now, Stranger, StrangerSecret))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var refusedRow = await Eventually.UntilAsync(async () =>
        {
            await using var db = Db();
            return await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.CarrierCode == Stranger && e.TicketRef == "T-GRANT-3");
        }, e => e?.RefusedReason is not null, "the event stored as refused");
        Assert.Contains($"carrier {Stranger} is not granted customer {TestSetup.Customer}", refusedRow!.RefusedReason, StringComparison.Ordinal);

        var after = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/promises/T-GRANT-3");
        Assert.Equal(before.GetProperty("status").GetString(), after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.TryGetProperty("closedAt", out var closed) ? closed.ValueKind : JsonValueKind.Null);
        Assert.DoesNotContain(after.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("carrier").GetString() == Stranger);

        var log = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{Stranger}/deliveries?outcome=rejected");
        Assert.Contains(log.GetProperty("items").EnumerateArray(), d => (d.GetProperty("problem").GetString() ?? "").Contains("Refused when applied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_carrier_stored_before_grants_reports_on_every_customer_and_is_named_in_a_startup_warning()
    {
        await using (var db = Db())
        {
            db.Carriers.Add(new Carrier { Code = "LEGACY", Name = "Legacy", Secret = "legacy-secret-000000001", Format = "canonical" });
            await db.SaveChangesAsync();
        }

        var logger = new ListLogger();
        await CarrierGrants.WarnAboutUngrantedAsync(_app.Services, logger);
        Assert.Contains(logger.Messages, m => m.Contains("LEGACY", StringComparison.Ordinal) && m.Contains("every customer", StringComparison.Ordinal));
        var view = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/carriers/LEGACY");
        Assert.Equal(["*"], view.GetProperty("customers").EnumerateArray().Select(c => c.GetString()));
    }

    private static JsonObject Carrier(string customer) =>
        new() { ["name"] = "Stranger Freight", ["secret"] = StrangerSecret, ["format"] = "canonical", ["customers"] = new JsonArray(customer) };

    private SlaDbContext Db() => _app.Services.CreateScope().ServiceProvider.GetRequiredService<SlaDbContext>();

    private async Task PostAcceptedAsync(JsonObject body)
    {
        using var response = await SignedEvents.PostAsync(_carrier, body, Now);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task PutAsync(string path, JsonObject body)
    {
        using var response = await _admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _carrier.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
