using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>A customer's alertSecret through <c>PUT /customers/{code}</c>: required with a webhook, write-only, rotated like a carrier's.</summary>
public sealed class CustomerAlertSecretTests : IAsyncLifetime
{
    private const string Secret = "acme-alert-secret-0001";
    private const string NewSecret = "acme-alert-secret-0002";
    private readonly SlaApp _app = new();
    private HttpClient _admin = null!;

    public ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_alert_webhook_without_an_alert_secret_gets_422_naming_alertSecret_and_nothing_is_stored()
    {
        using var response = await PutAsync(Customer(secret: null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).TryGetProperty("alertSecret", out _));
        using var get = await _admin.GetAsync("/api/v1/customers/X1");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task An_alert_secret_shorter_than_16_characters_gets_422_naming_alertSecret()
    {
        using var response = await PutAsync(Customer(secret: "fifteen-chars-x"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await ErrorsAsync(response)).TryGetProperty("alertSecret", out _));
    }

    [Fact]
    public async Task A_stored_alert_secret_need_not_be_sent_again_to_change_the_alert_webhook()
    {
        (await PutAsync(Customer(Secret))).EnsureSuccessStatusCode();

        using var response = await PutAsync(Customer(secret: null, webhook: "https://alerts.example.com/other"));

        response.EnsureSuccessStatusCode();
        var view = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/customers/X1");
        Assert.Equal(("https://alerts.example.com/other", true, false), (view.GetProperty("alertWebhook").GetString(),
            view.GetProperty("hasAlertSecret").GetBoolean(), view.GetProperty("hasPreviousAlertSecret").GetBoolean()));
    }

    [Fact]
    public async Task The_alert_secrets_never_appear_in_the_answer_to_put_or_in_get_customers_or_get_customer()
    {
        using var first = await PutAsync(Customer(Secret));
        using var rotated = await PutAsync(Customer(NewSecret));

        var texts = new[]
        {
            await first.Content.ReadAsStringAsync(),
            await rotated.Content.ReadAsStringAsync(),
            await _admin.GetStringAsync("/api/v1/customers"),
            await _admin.GetStringAsync("/api/v1/customers/X1"),
        };

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(NewSecret, text, StringComparison.Ordinal);
        });
        var view = JsonDocument.Parse(texts[3]).RootElement;
        Assert.True(view.GetProperty("hasAlertSecret").GetBoolean());
        Assert.True(view.GetProperty("hasPreviousAlertSecret").GetBoolean());
    }

    [Fact]
    public async Task Retiring_the_previous_alert_secret_leaves_the_current_one()
    {
        (await PutAsync(Customer(Secret))).EnsureSuccessStatusCode();
        (await PutAsync(Customer(NewSecret))).EnsureSuccessStatusCode();

        using var retire = await _admin.DeleteAsync("/api/v1/customers/X1/previous-alert-secret");

        Assert.Equal(HttpStatusCode.NoContent, retire.StatusCode);
        var view = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/customers/X1");
        Assert.Equal((true, false), (view.GetProperty("hasAlertSecret").GetBoolean(), view.GetProperty("hasPreviousAlertSecret").GetBoolean()));
    }

    [Fact]
    public async Task Sending_the_same_alert_secret_again_keeps_no_previous_one()
    {
        (await PutAsync(Customer(Secret))).EnsureSuccessStatusCode();
        (await PutAsync(Customer(Secret))).EnsureSuccessStatusCode();

        var view = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/customers/X1");

        Assert.False(view.GetProperty("hasPreviousAlertSecret").GetBoolean());
    }

    [Fact]
    public async Task Outside_development_an_http_alert_webhook_gets_422_unless_its_host_and_port_are_allowed_targets()
    {
        const string key = "prod-admin-key-0123456789";
        await using var production = new SlaApp("Production", new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = key,
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Notifications:Smtp:Host"] = "smtp.example.com",
            ["Notifications:Webhook:AllowedTargets:0"] = "alerts.internal:8080",
        });
        using var admin = production.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", key);

        using var http = await admin.PutAsJsonAsync("/api/v1/customers/X1", Customer(Secret, "http://alerts.example.com/hook"));
        using var listed = await admin.PutAsJsonAsync("/api/v1/customers/X2", Customer(Secret, "http://alerts.internal:8080/hook"));
        using var https = await admin.PutAsJsonAsync("/api/v1/customers/X3", Customer(Secret, "https://alerts.example.com/hook"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, http.StatusCode);
        Assert.Contains("https", (await ErrorsAsync(http)).GetProperty("alertWebhook")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
    }

    private static JsonObject Customer(string? secret, string webhook = "https://alerts.example.com/hook")
    {
        var body = TestSetup.CustomerBody();
        body["alertWebhook"] = webhook;
        if (secret is not null)
        {
            body["alertSecret"] = secret;
        }

        return body;
    }

    private Task<HttpResponseMessage> PutAsync(JsonObject body) => _admin.PutAsJsonAsync("/api/v1/customers/X1", body);

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
}
