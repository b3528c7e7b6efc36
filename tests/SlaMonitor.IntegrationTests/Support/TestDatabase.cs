using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>A fresh, empty database with a random name on a shared server, dropped again on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(PersistenceProvider provider, string adminConnectionString, string name, string connectionString)
    {
        Provider = provider;
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public PersistenceProvider Provider { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(PersistenceProvider provider, string adminConnectionString)
    {
        var name = $"slamonitor_test_{Guid.NewGuid():N}";
        var connectionString = provider switch
        {
            PersistenceProvider.Postgres => new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString,
            PersistenceProvider.SqlServer => new SqlConnectionStringBuilder(adminConnectionString) { InitialCatalog = name }.ConnectionString,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Only server databases are created per test."),
        };
        var database = new TestDatabase(provider, adminConnectionString, name, connectionString);
        await database.ExecuteAsync(adminConnectionString, $"CREATE DATABASE {database.Quoted}");
        return database;
    }

    /// <summary>The tables in the database's default schema.</summary>
    public async Task<IReadOnlySet<string>> TableNamesAsync()
    {
        var schema = Provider == PersistenceProvider.Postgres ? "current_schema()" : "SCHEMA_NAME()";
        await using var connection = Open(ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = {schema}";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = Open(ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string> TextAsync(string sql)
    {
        await using var connection = Open(ConnectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>A context on this database, independent of any running app.</summary>
    public SlaDbContext Context() => SlaDbContextOptions.Create(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        // Idle pooled connections of the apps would keep the database open.
        if (Provider == PersistenceProvider.Postgres)
        {
            using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            // A server restarted meanwhile (the fault tests) left the admin pool's connections broken.
            using (var admin = new NpgsqlConnection(_adminConnectionString))
            {
                NpgsqlConnection.ClearPool(admin);
            }

            await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS {Quoted} WITH (FORCE)");
        }
        else
        {
            using (var pooled = new SqlConnection(ConnectionString))
            {
                SqlConnection.ClearPool(pooled);
            }

            await ExecuteAsync(_adminConnectionString,
                $"IF DB_ID('{Name}') IS NOT NULL BEGIN ALTER DATABASE {Quoted} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {Quoted}; END");
        }
    }

    private string Quoted => Provider == PersistenceProvider.Postgres ? $"\"{Name}\"" : $"[{Name}]";

    private DbConnection Open(string connectionString)
    {
        DbConnection connection = Provider == PersistenceProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = Open(connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
