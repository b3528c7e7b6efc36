using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Testing;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests.Support;

/// <summary>
/// The product as `dotnet run` starts it (SQLite file, MassTransit in-memory transport, Quartz RAM store),
/// on a private database file and a fake clock.
/// </summary>
public sealed class SlaApp : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"slamonitor-test-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings;

    public SlaApp(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    {
        Environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["Persistence:ConnectionString"] = $"Data Source={_databasePath}",
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Scheduling:InstanceName"] = $"test-{Guid.NewGuid():N}",
            ["AllowedHosts"] = "localhost",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public const string ProductionAdminKey = "prod-admin-key-0123456789";

    /// <summary>
    /// The product outside Development as an installation configures it (an admin key, a mail server, the host name
    /// it answers to), its clients on https://localhost as behind a TLS proxy.
    /// </summary>
    public static SlaApp Production(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = ProductionAdminKey,
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Notifications:Smtp:Host"] = "smtp.example.com",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new SlaApp("Production", all);
        app.ClientOptions.BaseAddress = new Uri("https://localhost");
        return app;
    }

    /// <summary>Monday 23 November 2026, 10:00 in Berlin.</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 23, 9, 0));

    /// <summary>Wall time, for what is timed by it rather than by <see cref="Clock"/> (the carrier cache).</summary>
    public FakeTimeProvider WallTime { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public string Environment { get; }

    public HttpClient Admin() => CreateClient().AsAdmin();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            services.RemoveAll<CarrierDirectory>();
            services.AddSingleton(sp => new CarrierDirectory(sp.GetRequiredService<IServiceScopeFactory>(), WallTime));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDatabase();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteDatabase();
    }

    private void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
