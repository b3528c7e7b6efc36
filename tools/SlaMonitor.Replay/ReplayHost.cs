using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Ingest.Deliveries;
using SlaMonitor.Server.Promises;
using SlaMonitor.Server.Scheduling;

namespace SlaMonitor.Replay;

/// <summary>
/// The server's own Program, role all, in this process: SQLite in a private temporary file (on the RAM disk where there is one), the MassTransit in-memory
/// transport, no ingest linger, and a virtual clock (<see cref="Clock"/>, the host-level <see cref="IClock"/> seam).
/// The background loops that would act on their own (the wake-up dispatcher, the lane-statistics refresher, the outbox
/// dispatcher and Quartz) are left out: <see cref="VirtualTime"/> runs the same work at virtual instants, so two runs do the same.
/// </summary>
public sealed class ReplayHost : WebApplicationFactory<global::Program>
{
    /// <summary>The database file goes here when there is one (Linux): every commit's fsync is then nearly free, and a
    /// replay commits several times per event.</summary>
    private const string RamDisk = "/dev/shm";

    /// <summary>Loops that would act on wall-clock time of their own. The outbox dispatcher publishes status changes and
    /// escalation messages for the board and the notifiers, and the delivery-log writer stores each request's outcome for
    /// the carriers' log: the replay looks at neither (a refused row is reported from the webhook's answer).</summary>
    private static readonly string[] BackgroundLoops = [nameof(WakeupDispatcher), nameof(LaneStatisticsRefresher), nameof(OutboxDispatcher), nameof(DeliveryLogWriter), "QuartzHostedService"];
    private readonly string _folder = Path.Combine(Directory.Exists(RamDisk) ? RamDisk : Path.GetTempPath(), $"slamonitor-replay-{Guid.NewGuid():N}");

    public ReplayHost(Instant start)
    {
        Clock = new FakeClock(start);
        Directory.CreateDirectory(_folder);
        // Outside a test project the factory does not know the server's content root: the source folder when found, else
        // the tool's output folder (the server needs nothing from it but its wwwroot, which the replay never serves).
        var root = new[] { Environment.CurrentDirectory, AppContext.BaseDirectory }
            .SelectMany(Ancestors).Select(d => Path.Combine(d, "src", "SlaMonitor.Server")).FirstOrDefault(Directory.Exists)
            ?? AppContext.BaseDirectory;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SLAMONITOR_SERVER", root);
    }

    public FakeClock Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development"); // dev-admin-key for the configuration PUTs
        var settings = new Dictionary<string, string>
        {
            ["Role"] = "all",
            ["Persistence:Provider"] = "Sqlite",
            ["Persistence:ConnectionString"] = $"Data Source={Path.Combine(_folder, "replay.db")}",
            ["Messaging:Transport"] = "InMemory",
            ["Ingest:Linger"] = "00:00:00",
            // An open escalation at the top of its ladder is re-notified hourly by default: 9 of 10 wake-ups on Olist, and
            // none can change a promise (what the report measures). The longest back-off the settings allow keeps a few.
            ["Escalations:RenotifyFirst"] = "1.00:00:00",
            ["Escalations:RenotifyCap"] = "7.00:00:00",
            ["Scheduling:InstanceName"] = $"replay-{Guid.NewGuid():N}",
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:SlaMonitor.Server.Promises.LaneStatisticsRefresher"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            UsePooledDbContexts(services, settings["Persistence:ConnectionString"]);
            foreach (var loop in services.Where(IsBackgroundLoop).ToList())
            {
                services.Remove(loop);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    /// <summary>
    /// The server's contexts from a pool instead of new for every scope: a replay opens several scopes per event and per
    /// wake-up, and setting up a context costs more than most of its queries. The context holds no state of its own, so a
    /// pooled one (reset on return) behaves the same.
    /// </summary>
    private static void UsePooledDbContexts(IServiceCollection services, string connectionString)
    {
        services.RemoveAll<SlaDbContext>();
        services.RemoveAll<SqliteSlaDbContext>();
        services.RemoveAll<DbContextOptions<SqliteSlaDbContext>>();
        services.RemoveAll<DbContextOptions>();
        services.RemoveAll<IDbContextOptionsConfiguration<SqliteSlaDbContext>>();
        services.AddDbContextPool<SlaDbContext, SqliteSlaDbContext>(o =>
        {
            SlaDbContextOptions.Configure(o, PersistenceProvider.Sqlite, connectionString);
            if (Environment.GetEnvironmentVariable("REPLAY_TRACE") is not null)
            {
                o.AddInterceptors(CommandTrace.Instance);
            }
        });
    }

    private static bool IsBackgroundLoop(ServiceDescriptor d) =>
        d.ServiceType == typeof(IHostedService) && BackgroundLoops.Contains(d.ImplementationType?.Name ?? d.ImplementationFactory?.Method.ReturnType.Name);

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var d = new DirectoryInfo(folder); d is not null; d = d.Parent)
        {
            yield return d.FullName;
        }
    }
}
