using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using NodaTime;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Ingest.Webhooks;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

public sealed class CarrierWebhookTests : IAsyncLifetime
{
    private readonly SlaApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Webhooks:MaxBodyBytes"] = "65536",
        ["Webhooks:MaxEventsPerRequest"] = "3",
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
    public async Task A_signed_event_is_accepted_with_202()
    {
        using var response = await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-1", Now), Now);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task An_unknown_carrier_gets_401_not_404()
    {
        using var response = await _client.PostAsync("/api/v1/carriers/NOBODY/events", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_request_gets_401_and_changes_nothing()
    {
        using var response = await _client.PostAsync($"/api/v1/carriers/{TestSetup.Carrier}/events",
            new StringContent(SignedEvents.Opened("T-1", Now).ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNoPromiseAsync("T-1");
    }

    [Fact]
    public async Task A_signature_older_than_five_minutes_gets_401()
    {
        using var response = await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-1", Now), Now - Duration.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_with_another_secret_gets_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await SignedEvents.PostAsync(_client, SignedEvents.Opened("T-1", Now), Now, secret: "demo-secret-nordfreight-01")).StatusCode);

    [Fact]
    public async Task Signed_malformed_json_gets_400()
    {
        using var response = await SignedEvents.PostBytesAsync(_client, Encoding.UTF8.GetBytes("{\"eventId\": "), Now);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        var huge = SignedEvents.Opened("T-1", Now);
        huge["note"] = new string('x', 70_000);

        using var response = await SignedEvents.PostAsync(_client, huge, Now);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_sent_without_a_length_is_read_up_to_the_limit_then_refused_with_413()
    {
        var huge = SignedEvents.Opened("T-1", Now);
        huge["note"] = new string('x', 70_000);

        using var response = await PostWithoutLengthAsync(Encoding.UTF8.GetBytes(huge.ToJsonString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_sent_without_a_length_larger_than_the_first_read_buffer_is_verified_whole_and_accepted()
    {
        // 40 KB of insignificant whitespace: the pooled buffer (16 KB at first) grows, and the signature covers it all.
        var padded = SignedEvents.Opened("T-1", Now).ToJsonString().Insert(1, new string(' ', 40_000));

        using var response = await PostWithoutLengthAsync(Encoding.UTF8.GetBytes(padded));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task More_events_than_allowed_per_request_gets_413()
    {
        var batch = new JsonObject { ["events"] = new JsonArray([.. Enumerable.Range(1, 4).Select(i => (JsonNode)SignedEvents.Opened($"T-{i}", Now))]) };

        using var response = await SignedEvents.PostAsync(_client, batch, Now);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("occurredAt", "yesterday")]
    [InlineData("code", "TELEPORTED")]
    [InlineData("eventId", null)]
    [InlineData("kind", "rumour")]
    public async Task An_invalid_event_gets_422_naming_the_field_and_nothing_is_applied(string field, string? value)
    {
        var body = SignedEvents.Opened("T-1", Now);
        body[field] = value;

        using var response = await SignedEvents.PostAsync(_client, body, Now);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await AssertNoPromiseAsync("T-1");
    }

    [Fact]
    public async Task An_opened_event_for_an_unknown_site_gets_422_naming_the_site()
    {
        using var response = await SignedEvents.PostAsync(_client, OpenedAt("NOWHERE"), Now);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("opened.site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_configured_after_an_opening_was_refused_for_it_is_accepted_at_once()
    {
        var body = OpenedAt("LATER");
        using var refused = await SignedEvents.PostAsync(_client, body, Now);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        (await _admin.PutAsJsonAsync("/api/v1/sites/LATER", TestSetup.SiteBody())).EnsureSuccessStatusCode();
        using var accepted = await SignedEvents.PostAsync(_client, body, Now);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Concurrent_requests_are_each_told_which_of_their_events_are_duplicates()
    {
        var stored = Enumerable.Range(1, 20).Select(i => SignedEvents.Opened($"T-{i}", Now)).ToList();
        foreach (var opened in stored)
        {
            (await SignedEvents.PostAsync(_client, opened, Now)).EnsureSuccessStatusCode();
        }

        await Eventually.UntilAsync(() => _admin.GetAsync("/api/v1/promises/T-20"), r => r.IsSuccessStatusCode, "the last promise to open");
        foreach (var i in Enumerable.Range(1, 19))
        {
            (await _admin.GetAsync($"/api/v1/promises/T-{i}")).EnsureSuccessStatusCode();
        }

        var fresh = Enumerable.Range(21, 20).Select(i => SignedEvents.Opened($"T-{i}", Now)).ToList();
        var answers = await Task.WhenAll(stored.Concat(fresh).Select(async body =>
        {
            using var response = await SignedEvents.PostAsync(_client, body, Now);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            return answer.GetProperty("results")[0].GetProperty("result").GetString();
        }));

        Assert.All(answers.Take(20), a => Assert.Equal(CarrierWebhooksApi.Duplicate, a));
        Assert.All(answers.Skip(20), a => Assert.Equal(CarrierWebhooksApi.Accepted, a));
    }

    [Fact]
    public async Task One_bad_event_in_a_batch_rejects_the_whole_batch()
    {
        var bad = SignedEvents.Event("T-2", "shipment", "PICKED_UP", Now);
        bad["occurredAt"] = "not a time";
        var batch = new JsonObject { ["events"] = new JsonArray(SignedEvents.Opened("T-1", Now), bad) };

        using var response = await SignedEvents.PostAsync(_client, batch, Now);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("events[1].occurredAt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoPromiseAsync("T-1");
    }

    [Fact]
    public async Task The_same_event_posted_twice_is_reported_as_a_duplicate()
    {
        var opened = SignedEvents.Opened("T-1", Now);
        (await SignedEvents.PostAsync(_client, opened, Now)).EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => _admin.GetAsync("/api/v1/promises/T-1"), r => r.IsSuccessStatusCode, "the promise to open");

        using var again = await SignedEvents.PostAsync(_client, opened, Now);

        var answer = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(0, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.GetProperty("duplicates").GetInt32());
        Assert.Equal(CarrierWebhooksApi.Duplicate, answer.GetProperty("results")[0].GetProperty("result").GetString());
    }

    private JsonObject OpenedAt(string site)
    {
        var body = SignedEvents.Opened("T-1", Now);
        body["opened"]!["site"] = site;
        return body;
    }

    private async Task AssertNoPromiseAsync(string ticketRef)
    {
        using var response = await _admin.GetAsync($"/api/v1/promises/{ticketRef}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostWithoutLengthAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carriers/{TestSetup.Carrier}/events") { Content = new UnsizedContent(body) };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(TestSetup.CarrierSecret, Now.ToUnixTimeSeconds(), body));
        return await _client.SendAsync(request);
    }

    /// <summary>Content whose length is not announced, as a chunked upload's.</summary>
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
