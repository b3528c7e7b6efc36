using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// The server in process as deployed: a server database, RabbitMQ, the role chosen by setting,
/// Development (so dev-admin-key works) and no demo traffic. Everything else is the real wiring.
/// <paramref name="settings"/> adds or overrides settings; <paramref name="clock"/> (e.g. a FakeClock shared by
/// several hosts) replaces the system clock.
/// </summary>
public sealed class SlaHost(
    Servers servers, TestDatabase database, string endpointPrefix, string role = "all",
    IReadOnlyDictionary<string, string?>? settings = null, IClock? clock = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Quartz keeps schedulers in a process-wide registry by name, so every host gets its own.</summary>
    public string SchedulerName { get; } = $"it-{Guid.NewGuid():N}";

    /// <summary>A queue-name prefix no other test uses, so tests never consume each other's messages.</summary>
    public static string NewEndpointPrefix() => $"it-{Guid.NewGuid():N}-";

    public HttpClient Admin() => CreateClient().AsAdmin();

    /// <summary>Reads through the app's own DbContext (the only way into a worker, which serves no API).</summary>
    public async Task<T> ReadAsync<T>(Func<SlaDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SlaDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var all = new Dictionary<string, string?>
        {
            ["Role"] = role,
            ["Persistence:Provider"] = database.Provider.ToString(),
            ["Persistence:ConnectionString"] = database.ConnectionString,
            ["Persistence:MigrateOnStartup"] = "true",
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:EndpointPrefix"] = endpointPrefix,
            ["Messaging:RabbitMq:Host"] = servers.RabbitMq.Host,
            ["Messaging:RabbitMq:Port"] = servers.RabbitMq.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:RabbitMq:VirtualHost"] = servers.RabbitMq.VirtualHost,
            ["Messaging:RabbitMq:Username"] = servers.RabbitMq.Username,
            ["Messaging:RabbitMq:Password"] = servers.RabbitMq.Password,
            ["Scheduling:InstanceName"] = SchedulerName,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
