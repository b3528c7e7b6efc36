using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Common;

public sealed record PersistenceSettings(PersistenceProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string Section = "Persistence";

    public bool IsServerDatabase => Provider != PersistenceProvider.Sqlite;

    /// <summary>Read eagerly: the provider decides which services are registered at all.</summary>
    public static PersistenceSettings Read(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(Section);
        var providerName = section["Provider"] ?? nameof(PersistenceProvider.Sqlite);
        if (!Enum.TryParse<PersistenceProvider>(providerName, ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider) || int.TryParse(providerName, out _))
        {
            throw new SettingsException(
                $"Persistence:Provider must be Sqlite, Postgres or SqlServer, not '{providerName}'.");
        }

        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != PersistenceProvider.Sqlite)
            {
                throw new SettingsException($"Persistence:ConnectionString is required when Persistence:Provider is {provider}.");
            }

            var dataFolder = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "slamonitor.db")}";
        }

        var migrate = section["MigrateOnStartup"];
        bool migrateOnStartup = true;
        if (migrate is not null && !bool.TryParse(migrate, out migrateOnStartup))
        {
            throw new SettingsException($"Persistence:MigrateOnStartup must be true or false, not '{migrate}'.");
        }

        return new PersistenceSettings(provider, connectionString, migrateOnStartup);
    }
}
