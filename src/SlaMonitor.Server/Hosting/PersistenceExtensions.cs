using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Hosting;

public static class PersistenceExtensions
{
    public static PersistenceOptions AddSlaPersistence(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var settings = builder.AddSettings<PersistenceOptions>(PersistenceOptions.Section, o => o.DefaultSqliteFile(contentRoot));
        // Registered as the provider's subclass (it owns that provider's migrations) and resolved as SlaDbContext.
        switch (settings.Provider)
        {
            case PersistenceProvider.Postgres:
                Register<PostgresSlaDbContext>(builder.Services, settings);
                break;
            case PersistenceProvider.SqlServer:
                Register<SqlServerSlaDbContext>(builder.Services, settings);
                break;
            default:
                Register<SqliteSlaDbContext>(builder.Services, settings);
                break;
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<SlaDbContext>("database", tags: ["ready"]);
        return settings;
    }

    private static void Register<TContext>(IServiceCollection services, PersistenceOptions settings)
        where TContext : SlaDbContext =>
        services.AddDbContext<SlaDbContext, TContext>(options => SlaDbContextOptions.Configure(options, settings.Provider, settings.ConnectionString));

    /// <summary>Applies the provider's migrations (the Quartz tables come with the server providers' set).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, PersistenceOptions settings)
    {
        if (!settings.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        await db.Database.MigrateAsync();
        if (settings.Provider == PersistenceProvider.Sqlite)
        {
            // WAL lets the board read while the ingest consumer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
