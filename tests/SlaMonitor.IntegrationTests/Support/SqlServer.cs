using DotNet.Testcontainers.Builders;
using Testcontainers.MsSql;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// SQL Server from SLAMONITOR_TEST_SQLSERVER when set, else from Testcontainers. There is no SQL Server
/// in the distribution's packages, so without Docker the tests that need it are skipped, visibly.
/// </summary>
public sealed class SqlServer : IAsyncLifetime
{
    public const string Variable = "SLAMONITOR_TEST_SQLSERVER";
    public const string Image = "mcr.microsoft.com/mssql/server:2022-CU16-ubuntu-22.04";

    private MsSqlContainer? _container;

    /// <summary>Connection string of a login that may create databases; null when <see cref="Unavailable"/> says why.</summary>
    public string? AdminConnectionString { get; private set; }

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        AdminConnectionString = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(AdminConnectionString))
        {
            return;
        }

        try
        {
            _container = new MsSqlBuilder(Image).Build();
            await _container.StartAsync();
            AdminConnectionString = _container.GetConnectionString();
        }
        catch (DockerUnavailableException)
        {
            Unavailable = "SQL Server needs Docker (Testcontainers.MsSql); no Docker engine here";
        }
    }

    /// <summary>Skips the calling test, with the reason, when there is no SQL Server; else returns its admin connection string.</summary>
    public string RequireAdmin()
    {
        if (Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        return AdminConnectionString!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
