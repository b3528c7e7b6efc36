using System.Net;
using System.Net.Http.Json;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>While the database or the broker cannot be reached the API answers 503 with Retry-After, never 500.</summary>
public sealed class UnavailableDependencyTests
{
    [Fact]
    public async Task Without_its_database_the_api_answers_503_with_retry_after_to_reads_and_to_carrier_webhooks()
    {
        var closed = LoopbackReceiver.FreePort();
        await using var app = new SlaApp(settings: new Dictionary<string, string?>
        {
            ["Role"] = "api",
            ["Persistence:Provider"] = "Postgres",
            ["Persistence:ConnectionString"] = $"Host=127.0.0.1;Port={closed};Username=slamonitor;Password=slamonitor;Database=gone;Timeout=2",
            ["Persistence:MigrateOnStartup"] = "false",
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = "127.0.0.1",
            ["Messaging:RabbitMq:Port"] = LoopbackReceiver.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var now = app.Clock.GetCurrentInstant();

        using var read = await app.Admin().GetAsync("/api/v1/sites");
        using var webhook = await SignedEvents.PostAsync(app.CreateClient(), SignedEvents.Opened("T-1", now), now);

        foreach (var response in new[] { read, webhook })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Without_its_broker_a_signed_event_gets_503_and_is_not_accepted()
    {
        await using var app = new SlaApp(settings: new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = "127.0.0.1",
            ["Messaging:RabbitMq:Port"] = LoopbackReceiver.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var admin = app.Admin();
        await TestSetup.ConfigureAsync(admin);
        var now = app.Clock.GetCurrentInstant();

        using var webhook = await SignedEvents.PostAsync(app.CreateClient(), SignedEvents.Opened("T-1", now), now);
        var log = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/carriers/{TestSetup.Carrier}/deliveries");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, webhook.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), webhook.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(log.GetProperty("items").EnumerateArray(), d => d.GetProperty("outcome").GetString() == "accepted");
    }
}
