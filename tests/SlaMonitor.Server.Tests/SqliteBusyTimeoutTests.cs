using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Every SQLite connection the server opens has SQLite wait for a busy database itself (short polls) instead of
/// Microsoft.Data.Sqlite's 150 ms sleeps between retries (docs/benchmarks.md: a quarter of a replay was those sleeps).
/// </summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"slamonitor-busy-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_server_context_opens_its_SQLite_connections_with_a_busy_timeout()
    {
        await using var db = SlaDbContextOptions.Create(PersistenceProvider.Sqlite, $"Data Source={_file}");
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        var timeout = await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([30_000L], timeout);
    }

    [Fact]
    public async Task A_write_waits_for_another_connections_write_transaction_and_then_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var holder = SlaDbContextOptions.Create(PersistenceProvider.Sqlite, $"Data Source={_file}");
        await holder.Database.ExecuteSqlRawAsync("CREATE TABLE t (x INTEGER)", ct);
        await holder.Database.OpenConnectionAsync(ct);
        await holder.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE", ct);
        await using var writer = SlaDbContextOptions.Create(PersistenceProvider.Sqlite, $"Data Source={_file}");

        var write = Task.Run(() => writer.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (1)", ct), ct); // SQLite waits on the calling thread
        await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        Assert.False(write.IsCompleted, "the insert went through while another connection held the write lock");
        await holder.Database.ExecuteSqlRawAsync("COMMIT", ct);

        Assert.Equal(1, await write);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_file)!, Path.GetFileName(_file) + "*"))
        {
            File.Delete(file);
        }
    }
}
