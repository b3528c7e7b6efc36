using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using SlaMonitor.Server.Board;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>Bad API keys and failed board sign-ins count against the client address; a good key never does.</summary>
public sealed class FailedAuthenticationTests : IAsyncLifetime
{
    private const string OpsKey = "ops-key-000000000001";
    private const int Burst = 3;

    private readonly SlaApp _app = SlaApp.Production(new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:1:Key"] = OpsKey,
        ["Auth:ApiKeys:1:Role"] = "ops",
        ["FailedAuthentication:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FailedAuthentication:RecoveryPeriod"] = "01:00:00",
    });

    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Bad_api_keys_get_401_then_429_with_retry_after_once_the_address_is_past_its_allowance()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Burst + 2; i++)
        {
            using var response = await GetPromisesAsync("not-a-key-000000000");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, Burst), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_good_api_key_works_from_an_address_past_its_allowance_of_failures()
    {
        for (var i = 0; i < Burst + 2; i++)
        {
            using var bad = await GetPromisesAsync("not-a-key-000000000");
        }

        using var good = await GetPromisesAsync(OpsKey);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Failed_board_sign_ins_get_429_once_the_address_is_past_its_allowance_and_a_good_key_still_signs_in()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Burst + 1; i++)
        {
            using var response = await SignInAsync("not-a-key-000000000");
            statuses.Add(response.StatusCode);
        }

        using var good = await SignInAsync(OpsKey);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, Burst), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Client_addresses_are_counted_per_ipv4_address_and_per_ipv6_64_prefix(string remote, string key)
    {
        var context = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(remote) } };

        Assert.Equal(key, ClientAddress.Of(context));
    }

    [Fact]
    public void Token_buckets_hold_at_most_their_capacity_of_keys_and_the_rest_share_the_overflow_bucket()
    {
        var options = new TokenBucketRateLimiterOptions { TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromHours(1) };
        using var buckets = new TokenBuckets(capacity: 100, options);

        var granted = Enumerable.Range(0, 1000).Count(i =>
        {
            using var lease = buckets.Acquire($"key-{i}", () => options);
            return lease.IsAcquired;
        });

        Assert.InRange(buckets.Count, 1, 100);
        Assert.InRange(granted, 100, 999);
    }

    private async Task<HttpResponseMessage> GetPromisesAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/promises");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SignInAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/board/session") { Content = JsonContent.Create(new { key }) };
        request.Headers.Add(BoardAuth.CsrfHeader, "1");
        return await _client.SendAsync(request);
    }
}
