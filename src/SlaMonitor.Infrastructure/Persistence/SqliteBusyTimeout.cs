using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for another connection's write to finish (PRAGMA busy_timeout, polling from 1 ms up). Without
/// it, Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before each retry: a writer that meets the
/// delivery-log writer's or another wake-up's short transaction lost 150 ms for a lock held well under one.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    /// <summary>Past 30 s SQLite gives up and Microsoft.Data.Sqlite's own retry (to the command timeout) takes over.</summary>
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
