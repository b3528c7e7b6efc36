using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>A wrong setting stops the process with a message naming the key.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Persistence:Provider", "Oracle", "Persistence:Provider")]
    [InlineData("Persistence:MigrateOnStartup", "sometimes", "Persistence:MigrateOnStartup")]
    [InlineData("Messaging:Transport", "Carrier-Pigeon", "Messaging:Transport")]
    [InlineData("Role", "janitor", "--role")]
    [InlineData("Scheduling:EvaluateEverySeconds", "0", "Scheduling:EvaluateEverySeconds")]
    [InlineData("Telemetry:Exporter", "Fax", "Telemetry:Exporter")]
    [InlineData("Demo:EventsPerSecond", "-1", "EventsPerSecond")]
    [InlineData("Webhooks:MaxBodyBytes", "0", "MaxBodyBytes")]
    [InlineData("Ingest:ParkedEventMaxAge", "a week", "Ingest:ParkedEventMaxAge")]
    [InlineData("Ingest:ParkedEventMaxAge", "-1.00:00:00", "Ingest:ParkedEventMaxAge")]
    [InlineData("Retention:DeliveryLogs", "02:00:00", "Retention:DeliveryLogs")]
    [InlineData("Escalations:DigestCron", "every morning", "Escalations:DigestCron")]
    [InlineData("Persistence:Provider", "7", "Persistence:Provider")]
    [InlineData("Messaging:Transport", "5", "Messaging:Transport")]
    [InlineData("Role", "", "--role")]
    [InlineData("Telemetry:Exporter", "9", "Telemetry:Exporter")]
    [InlineData("Telemetry:OtlpEndpoint", "not a url", "Telemetry:OtlpEndpoint")]
    [InlineData("Escalations:BoardUrl", "not a url", "Escalations:BoardUrl")]
    [InlineData("Demo:OpenTickets", "0", "Demo:OpenTickets")]
    [InlineData("Webhooks:SignatureTolerance", "00:00:01", "Webhooks:SignatureTolerance")]
    [InlineData("Scheduling:Wakeups:BatchSize", "0", "Scheduling:Wakeups:BatchSize")]
    [InlineData("Notifications:Webhook:MaxRetries", "eleven", "Notifications:Webhook:MaxRetries")]
    [InlineData("Notifications:Webhook:AllowedTargets:0", "alerts.internal", "Notifications:Webhook:AllowedTargets:0")]
    [InlineData("Notifications:Smtp:IdleTimeout", "00:10:00", "Notifications:Smtp:IdleTimeout")]
    [InlineData("Hosting:ForwardedHeaders:KnownProxies:0", "the-load-balancer", "Hosting:ForwardedHeaders:KnownProxies:0")]
    [InlineData("Hosting:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "Hosting:ForwardedHeaders:KnownNetworks:0")]
    [InlineData("FailedAuthentication:Burst", "0", "FailedAuthentication:Burst")]
    [InlineData("FailedAuthentication:RecoveryPeriod", "soon", "FailedAuthentication:RecoveryPeriod")]
    [InlineData("Prediction:RecencyHalfLife", "-1.00:00:00", "Prediction:RecencyHalfLife")]
    [InlineData("Prediction:CountOpenPromises", "sometimes", "Prediction:CountOpenPromises")]
    public async Task A_wrong_value_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var message = await StartupErrorAsync(new SlaApp(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Persistence:Provider", "Oracle", "Sqlite, Postgres, SqlServer")]
    [InlineData("Messaging:Transport", "Carrier-Pigeon", "InMemory, RabbitMq")]
    [InlineData("Telemetry:Exporter", "Fax", "None, Console, Otlp")]
    public async Task A_value_that_is_not_one_of_the_choices_gets_them_listed(string key, string value, string choices)
    {
        var message = await StartupErrorAsync(new SlaApp(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, message, StringComparison.Ordinal);
        Assert.Contains(choices, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_removed_global_alert_secret_stops_start_up_pointing_to_each_customers_alert_secret()
    {
        var message = await StartupErrorAsync(new SlaApp(settings: new Dictionary<string, string?>
        {
            ["Notifications:Webhook:Secret"] = "the-old-global-alert-secret",
        }));

        Assert.Contains("Notifications:Webhook:Secret was removed", message, StringComparison.Ordinal);
        Assert.Contains("alertSecret", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_database_without_a_connection_string_stops_start_up()
    {
        var message = await StartupErrorAsync(new SlaApp(settings: new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["Persistence:ConnectionString"] = "",
        }));

        Assert.Contains("Persistence:ConnectionString", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Messaging:RabbitMq:Host", "", "Messaging:RabbitMq:Host")]
    [InlineData("Messaging:RabbitMq:Port", "0", "Messaging:RabbitMq:Port")]
    [InlineData("Messaging:RabbitMq:Port", "70000", "Messaging:RabbitMq:Port")]
    public async Task A_wrong_broker_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var message = await StartupErrorAsync(new SlaApp(settings: new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = "localhost",
            [key] = value,
        }));

        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_memory_transport_is_refused_for_a_split_api_role()
    {
        var message = await StartupErrorAsync(new SlaApp(settings: new Dictionary<string, string?> { ["Role"] = "api" }));

        Assert.Contains("Messaging:Transport", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    [InlineData("sla.example.com;*")]
    public async Task Outside_development_allowed_hosts_that_accept_any_host_stop_start_up_naming_AllowedHosts(string allowedHosts)
    {
        var message = await StartupErrorAsync(SlaApp.Production(new Dictionary<string, string?> { ["AllowedHosts"] = allowedHosts }));

        Assert.Contains("AllowedHosts must list the host names", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_key_is_refused_outside_development()
    {
        var message = await StartupErrorAsync(new SlaApp("Production", new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = "dev-admin-key",
            ["Auth:ApiKeys:0:Role"] = "admin",
        }));

        Assert.Contains("Auth:ApiKeys:0:Key", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_development_key_is_not_even_a_default()
    {
        await using var app = new SlaApp("Production", new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = "prod-admin-key-0123456789",
            ["Notifications:Smtp:Host"] = "smtp.example.com",
            ["Auth:ApiKeys:0:Role"] = "admin",
        });
        using var client = app.Admin();

        using var response = await client.GetAsync("/api/v1/sites");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_key_with_an_unknown_role_stops_start_up()
    {
        var message = await StartupErrorAsync(new SlaApp(settings: new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = "some-long-key-0123456789",
            ["Auth:ApiKeys:0:Role"] = "overlord",
        }));

        Assert.Contains("Auth:ApiKeys:0:Role", message, StringComparison.Ordinal);
    }

    private static async Task<string> StartupErrorAsync(SlaApp app)
    {
        await using (app)
        {
            var error = Record.Exception(() => app.CreateClient());
            Assert.NotNull(error);
            var messages = new List<string>();
            for (var e = error; e is not null; e = e.InnerException)
            {
                messages.Add(e.Message);
            }

            return string.Join(" | ", messages);
        }
    }
}
