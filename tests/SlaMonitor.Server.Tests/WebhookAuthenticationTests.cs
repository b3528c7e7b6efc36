using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Ingest.Webhooks;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>Signature first, then rate: nobody without a carrier's secret can touch its quota, its log, or the server's memory.</summary>
public sealed class WebhookAuthenticationTests : IAsyncLifetime
{
    private const int Burst = 5;

    private readonly SlaApp _app = new(settings: new Dictionary<string, string?>
    {
        ["FailedAuthentication:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FailedAuthentication:RecoveryPeriod"] = "01:00:00",
    });

    private HttpClient _client = null!;
    private HttpClient _admin = null!;

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_unknown_carrier_gets_the_same_401_as_a_bad_signature()
    {
        using var unknown = await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-1", Now), Now, carrier: "NOBODY");
        using var badSignature = await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-1", Now), Now, secret: "wrong-secret-000000");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badSignature.StatusCode);
        var (unknownProblem, badProblem) = (await ProblemAsync(unknown), await ProblemAsync(badSignature));
        Assert.Equal(badProblem.GetProperty("title").GetString(), unknownProblem.GetProperty("title").GetString());
        Assert.Equal(badProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unsigned_requests_leave_the_carriers_rate_untouched_and_the_signed_request_after_them_is_accepted()
    {
        await PutCarrierRateAsync(requestsPerSecond: 1);

        var unsigned = await PostUnsignedAsync(TestSetup.Carrier, count: 50);

        Assert.Equal(Burst, unsigned.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(50 - Burst, unsigned.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(0, _app.Services.GetRequiredService<CarrierRates>().Count);
        using var signed = await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-1", Now), Now);
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
    }

    [Fact]
    public async Task An_address_past_its_allowance_of_failures_gets_429_with_retry_after_naming_failed_authentications()
    {
        await PostUnsignedAsync(TestSetup.Carrier, count: Burst);

        using var response = await PostUnsignedAsync(TestSetup.Carrier);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("Too many failed authentications", (await ProblemAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_sender_that_authenticates_is_never_limited_by_its_address()
    {
        await PostUnsignedAsync(TestSetup.Carrier, count: Burst + 5);

        for (var i = 1; i <= 10; i++)
        {
            using var signed = await SignedEvents.PostAsync(_client, SignedEvents.Opened($"T-{i}", Now), Now);
            Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        }
    }

    [Fact]
    public async Task Signed_requests_over_the_carriers_rate_get_429_naming_the_carriers_rate()
    {
        await PutCarrierRateAsync(requestsPerSecond: 1);

        // Twenty at once against one per second: the bucket would need nineteen refills during the burst to admit all.
        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => SignedEvents.PostAsync(_client, SignedEvents.Opened($"T-{i}", Now), Now)));

        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(rejected);
        Assert.Equal("Too many requests", (await ProblemAsync(rejected[0])).GetProperty("title").GetString());
        Assert.Equal(1, _app.Services.GetRequiredService<CarrierRates>().Count);
    }

    [Fact]
    public async Task Failed_signatures_do_not_reach_the_carriers_delivery_log()
    {
        await PostUnsignedAsync(TestSetup.Carrier, count: Burst + 5);
        Assert.Equal(HttpStatusCode.Accepted, (await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-1", Now), Now)).StatusCode);

        var log = await Eventually.UntilAsync(
            () => _admin.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{TestSetup.Carrier}/deliveries"),
            page => page.GetProperty("total").GetInt32() >= 1,
            "the signed request logged");

        Assert.Equal(1, log.GetProperty("total").GetInt32());
        Assert.Equal(202, log.GetProperty("items")[0].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Requests_to_a_thousand_unknown_carrier_codes_leave_no_state_per_code()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => "X" + Guid.NewGuid().ToString("N")[..12]);

        foreach (var code in codes)
        {
            using var response = await PostUnsignedAsync(code);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, response.StatusCode.ToString());
        }

        Assert.Equal(1, _app.Services.GetRequiredService<CarrierDirectory>().Count);
        Assert.Equal(0, _app.Services.GetRequiredService<CarrierRates>().Count);
        Assert.Equal(1, _app.Services.GetRequiredService<FailedAuthentications>().TrackedAddresses);
    }

    [Fact]
    public async Task A_carrier_created_through_another_api_process_is_found_once_the_carriers_may_be_read_again()
    {
        using var first = await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-1", Now), Now, carrier: "LATECOMER", secret: "latecomer-secret-0001");
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SlaMonitor.Infrastructure.Persistence.SlaDbContext>();
            db.Carriers.Add(new() { Code = "LATECOMER", Name = "Latecomer", Secret = "latecomer-secret-0001", Format = "canonical" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        _app.WallTime.Advance(CarrierDirectory.RereadAtMostEvery);
        using var second = await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-2", Now), Now, carrier: "LATECOMER", secret: "latecomer-secret-0001");
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
    }

    private async Task PutCarrierRateAsync(int requestsPerSecond)
    {
        var body = TestSetup.CarrierBody();
        body["requestsPerSecond"] = requestsPerSecond;
        (await _admin.PutAsJsonAsync($"/api/v1/carriers/{TestSetup.Carrier}", body)).EnsureSuccessStatusCode();
    }

    private async Task<List<HttpStatusCode>> PostUnsignedAsync(string carrier, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await PostUnsignedAsync(carrier);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private Task<HttpResponseMessage> PostUnsignedAsync(string carrier) =>
        _client.PostAsync($"/api/v1/carriers/{carrier}/events", new StringContent(SignedEvents.Opened("T-X", Now).ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
