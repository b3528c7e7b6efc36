using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

public sealed class OperabilityTests : IAsyncLifetime
{
    private readonly SlaApp _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Liveness_answers_200_without_authentication() =>
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);

    [Fact]
    public async Task Readiness_reports_the_database_and_the_bus_healthy()
    {
        var report = await _client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Contains(report.GetProperty("checks").EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_webhook_and_the_admin_api()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/carriers/{carrierCode}/events", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/sites/{siteCode}", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/promises/{ticketRef}", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_is_browsable_at_docs()
    {
        using var response = await _client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
