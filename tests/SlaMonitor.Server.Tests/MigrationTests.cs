using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Tests;

/// <summary>A model change without its migration fails here, for every provider (no database is opened).</summary>
public sealed class MigrationTests
{
    public static TheoryData<PersistenceProvider, string> Providers => new()
    {
        { PersistenceProvider.Sqlite, "Data Source=unused.db" },
        { PersistenceProvider.Postgres, "Host=localhost;Database=unused" },
        { PersistenceProvider.SqlServer, "Server=localhost;Database=unused;TrustServerCertificate=true" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_checked_in_migrations_match_the_model(PersistenceProvider provider, string connectionString)
    {
        using var db = SlaDbContextOptions.Create(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run dotnet ef migrations add for the {provider} context.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_its_own_migrations(PersistenceProvider provider, string connectionString)
    {
        using var db = SlaDbContextOptions.Create(provider, connectionString);

        var migrations = db.Database.GetMigrations().ToList();

        Assert.Contains(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Equal(provider != PersistenceProvider.Sqlite, migrations.Any(m => m.EndsWith("_QuartzScheduler", StringComparison.Ordinal)));
    }
}
