using System.Data.Common;
using System.Runtime.ExceptionServices;
using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// Inserts many rows with linq2db BulkCopy (binary COPY on PostgreSQL, SqlBulkCopy on SQL Server), far cheaper
/// than EF's per-row INSERTs. EFCore.BulkExtensions is not used: it is not in the package feed and is commercially
/// licensed for larger companies. On SQLite the rows go through EF in one transaction instead: linq2db writes
/// SQLite dates as text in another format than EF ("…09:15:00.000" against "…09:15:00"), and SQLite compares that
/// text, so a wake-up stored by one and queried by the other would be missed at its exact second.
/// </summary>
public static class BulkInsert
{
    static BulkInsert() => LinqToDBForEFTools.Initialize();

    /// <summary>
    /// All rows or none, in one transaction: a unique key already held throws a <see cref="DbException"/> and
    /// leaves nothing behind. The rows are not tracked afterwards.
    /// </summary>
    public static async Task AllOrNoneAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsSqlite())
        {
            await ThroughEfAsync(db, rows, ct);
        }
        else
        {
            await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, rows, ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Three kinds of rows, all or none, in one transaction (e.g. escalations, the alerts they decided and the bus
    /// messages announcing them). Identity columns are left to the database.
    /// </summary>
    public static async Task AllOrNoneAsync<T1, T2, T3>(
        DbContext db, IReadOnlyCollection<T1> first, IReadOnlyCollection<T2> second, IReadOnlyCollection<T3> third, CancellationToken ct)
        where T1 : class
        where T2 : class
        where T3 : class
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CopyAsync(db, first, ct);
        await CopyAsync(db, second, ct);
        await CopyAsync(db, third, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task CopyAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Database.IsSqlite())
        {
            await ThroughEfAsync(db, rows, ct);
        }
        else
        {
            await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, rows, ct);
        }
    }

    private static async Task ThroughEfAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        db.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is DbException inner)
        {
            ExceptionDispatchInfo.Throw(inner);
        }
        finally
        {
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
