using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

public sealed class CarrierSecretsAndRatesTests : IAsyncLifetime
{
    private const string NewSecret = "test-secret-fastlane-0002";
    private readonly SlaApp _app = new();
    private HttpClient _client = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task After_a_secret_change_both_secrets_verify_until_the_previous_one_is_retired()
    {
        await PutCarrierAsync(NewSecret, requestsPerSecond: null);
        var view = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{TestSetup.Carrier}");

        Assert.True(view.GetProperty("hasPreviousSecret").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, await PostSignedWithAsync(TestSetup.CarrierSecret, "T-1"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSignedWithAsync(NewSecret, "T-2"));

        (await _admin.DeleteAsync($"/api/v1/carriers/{TestSetup.Carrier}/previous-secret")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, await PostSignedWithAsync(TestSetup.CarrierSecret, "T-3"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSignedWithAsync(NewSecret, "T-4"));
    }

    [Fact]
    public async Task A_secret_rotated_through_another_api_process_verifies_once_the_carriers_may_be_read_again()
    {
        Assert.Equal(HttpStatusCode.Accepted, await PostSignedWithAsync(TestSetup.CarrierSecret, "T-1"));

        // Written past this process's admin API, as another API instance would: this process still caches the old carrier,
        // and reads the carriers again after a failed signature at most once every RereadAtMostEvery.
        await UpdateCarrierRowAsync(c => (c.PreviousSecret, c.Secret) = (c.Secret, NewSecret));
        _app.WallTime.Advance(CarrierDirectory.RereadAtMostEvery);

        Assert.Equal(HttpStatusCode.Accepted, await PostSignedWithAsync(NewSecret, "T-2"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSignedWithAsync(TestSetup.CarrierSecret, "T-3"));
    }

    [Fact]
    public async Task A_secret_retired_through_another_api_process_stops_verifying_once_the_cache_expires()
    {
        await PutCarrierAsync(NewSecret, requestsPerSecond: null);
        Assert.Equal(HttpStatusCode.Accepted, await PostSignedWithAsync(TestSetup.CarrierSecret, "T-1"));

        await UpdateCarrierRowAsync(c => c.PreviousSecret = null);
        _app.WallTime.Advance(CarrierDirectory.CacheFor + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostSignedWithAsync(TestSetup.CarrierSecret, "T-2"));
        Assert.Equal(HttpStatusCode.Accepted, await PostSignedWithAsync(NewSecret, "T-3"));
    }

    [Fact]
    public async Task Requests_over_the_carriers_rate_get_429_with_retry_after()
    {
        await PutCarrierAsync(TestSetup.CarrierSecret, requestsPerSecond: 2);

        // Ten at once against two per second: the bucket would need four refills during the burst to admit all.
        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            SignedEvents.PostAsync(_client, SignedEvents.Opened($"T-{i}", _app.Clock.GetCurrentInstant()), _app.Clock.GetCurrentInstant())));

        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Equal("application/problem+json", rejected[0].Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_rate_outside_its_range_gets_422_naming_the_field()
    {
        var body = TestSetup.CarrierBody();
        body["requestsPerSecond"] = 0;

        using var response = await _admin.PutAsJsonAsync($"/api/v1/carriers/{TestSetup.Carrier}", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("requestsPerSecond", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task PutCarrierAsync(string secret, int? requestsPerSecond)
    {
        var body = TestSetup.CarrierBody();
        body["secret"] = secret;
        body["requestsPerSecond"] = requestsPerSecond;
        (await _admin.PutAsJsonAsync($"/api/v1/carriers/{TestSetup.Carrier}", body)).EnsureSuccessStatusCode();
    }

    private async Task UpdateCarrierRowAsync(Action<Carrier> change)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        change(await db.Carriers.SingleAsync(c => c.Code == TestSetup.Carrier));
        await db.SaveChangesAsync();
    }

    private async Task<HttpStatusCode> PostSignedWithAsync(string secret, string ticketRef)
    {
        var now = _app.Clock.GetCurrentInstant();
        using var response = await SignedEvents.PostAsync(_client, SignedEvents.Opened(ticketRef, now), now, secret: secret);
        return response.StatusCode;
    }
}
