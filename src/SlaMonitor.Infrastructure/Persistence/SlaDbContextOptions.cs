using Microsoft.EntityFrameworkCore;

namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>Provider wiring in one place, shared by the host and the design-time factories.</summary>
public static class SlaDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, PersistenceProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            PersistenceProvider.Sqlite => options.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeout.Instance),
            PersistenceProvider.Postgres => options.UseNpgsql(connectionString),
            PersistenceProvider.SqlServer => options.UseSqlServer(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    public static SlaDbContext Create(PersistenceProvider provider, string connectionString) => provider switch
    {
        PersistenceProvider.Sqlite => new SqliteSlaDbContext(Build<SqliteSlaDbContext>(provider, connectionString)),
        PersistenceProvider.Postgres => new PostgresSlaDbContext(Build<PostgresSlaDbContext>(provider, connectionString)),
        PersistenceProvider.SqlServer => new SqlServerSlaDbContext(Build<SqlServerSlaDbContext>(provider, connectionString)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    private static DbContextOptions<T> Build<T>(PersistenceProvider provider, string connectionString)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
