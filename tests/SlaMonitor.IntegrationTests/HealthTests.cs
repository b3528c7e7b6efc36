using System.Net;
using System.Text.Json.Nodes;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

public sealed class HealthTests(Servers servers)
{
    [Fact]
    public async Task Ready_is_healthy_with_real_postgres_and_rabbitmq_and_names_both_checks()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.CreateClient();

        // The bus connects in the background after start-up; until then the report is not yet Healthy.
        var (status, report) = await Eventually.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync("/health/ready");
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            },
            r => r.StatusCode == HttpStatusCode.OK && JsonNode.Parse(r.Item2)?["status"]?.GetValue<string>() == "Healthy",
            "/health/ready to report Healthy");

        Assert.Equal(HttpStatusCode.OK, status);
        var json = JsonNode.Parse(report)!;
        var checks = json["checks"]!.AsObject();
        Assert.Equal("Healthy", checks["database"]?["status"]?.GetValue<string>());
        var bus = checks.Where(c => c.Key.Contains("masstransit", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(bus.Count > 0, $"no MassTransit check in {report}");
        Assert.All(bus, c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));
    }
}
