using Microsoft.EntityFrameworkCore.Design;

namespace SlaMonitor.Infrastructure.Persistence;

// Used by `dotnet ef migrations add`; the connection strings are never opened.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSlaDbContext>
{
    public SqliteSlaDbContext CreateDbContext(string[] args) =>
        (SqliteSlaDbContext)SlaDbContextOptions.Create(PersistenceProvider.Sqlite, "Data Source=design.db");
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSlaDbContext>
{
    public PostgresSlaDbContext CreateDbContext(string[] args) =>
        (PostgresSlaDbContext)SlaDbContextOptions.Create(PersistenceProvider.Postgres, "Host=localhost;Database=design");
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSlaDbContext>
{
    public SqlServerSlaDbContext CreateDbContext(string[] args) =>
        (SqlServerSlaDbContext)SlaDbContextOptions.Create(PersistenceProvider.SqlServer, "Server=localhost;Database=design;TrustServerCertificate=true");
}
