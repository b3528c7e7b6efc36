using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// Saves the promises an ingest batch re-derived, with whatever else the context tracks (the outbox rows), in one
/// transaction. On PostgreSQL with statements for the whole batch: new promises by binary COPY, changed ones by one
/// <c>UPDATE … FROM unnest(…)</c> over an array parameter per column — instead of EF's statement per row (9 % of the
/// server's time in the batched load, docs/benchmarks.md). (A temporary table would be dropped by the connection
/// pool's reset after every batch and created again for the next.) The concurrency token holds as with EF: a promise saved by
/// another worker since it was read is not overwritten, and the whole save fails with
/// <see cref="DbUpdateConcurrencyException"/>, so the batch is retried on fresh reads. Elsewhere EF saves them.
/// </summary>
public static class PromiseRows
{
    static PromiseRows() => LinqToDBForEFTools.Initialize();

    /// <param name="added">New promises, not tracked.</param>
    /// <param name="changed">Tracked promises, each with its revision raised by one since it was read.</param>
    public static async Task SaveAsync(SlaDbContext db, IReadOnlyCollection<Promise> added, IReadOnlyCollection<Promise> changed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(changed);
        if (!db.Database.IsNpgsql())
        {
            db.Promises.AddRange(added);
            await db.SaveChangesAsync(ct);
            return;
        }

        // Joins a transaction the caller holds; else one of its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (added.Count > 0)
        {
            await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, added, ct);
        }

        if (changed.Count > 0)
        {
            var update = UpdateOf(db);
            var saved = await db.Database.ExecuteSqlRawAsync(update.Sql, update.Parameters(changed), ct);
            if (saved != changed.Count)
            {
                throw new DbUpdateConcurrencyException(
                    $"{changed.Count - saved} of {changed.Count} promises were saved by another worker since they were read.");
            }

            foreach (var promise in changed)
            {
                db.Entry(promise).State = EntityState.Unchanged;
            }
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private static ColumnUpdate? _update;

    private static ColumnUpdate UpdateOf(SlaDbContext db) => _update ??= new ColumnUpdate(db.Model.FindEntityType(typeof(Promise))!);

    /// <summary>The mapped columns of a promise, from the EF model, so a column added later is saved too.</summary>
    private sealed class ColumnUpdate
    {
        private readonly List<IProperty> _properties;

        public ColumnUpdate(IEntityType entity)
        {
            // Not the wake-up claim: a waker sets it without a new revision, and re-deriving never changes it.
            _properties = [.. entity.GetProperties().Where(p => p.Name != nameof(Promise.WakeupClaim))];
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
            var revision = entity.FindProperty(nameof(Promise.Revision))!.GetColumnName();
            var columns = _properties.Select(p => $"\"{p.GetColumnName()}\"").ToList();
            Sql = $"""
                UPDATE "Promises" AS p SET {string.Join(", ", columns.Where(c => c != $"\"{key}\"").Select(c => $"{c} = t.{c}"))}
                  FROM unnest({string.Join(", ", _properties.Select((_, i) => $"@p{i}"))}) AS t({string.Join(", ", columns)})
                 WHERE p."{key}" = t."{key}" AND p."{revision}" = t."{revision}" - 1
                """;
        }

        public string Sql { get; }

        public NpgsqlParameter[] Parameters(IReadOnlyCollection<Promise> promises) => [.. _properties.Select((property, i) =>
        {
            var values = Array.CreateInstance(property.ClrType, promises.Count);
            var getter = property.GetGetter();
            var row = 0;
            foreach (var promise in promises)
            {
                values.SetValue(getter.GetClrValue(promise), row++);
            }

            // Dates explicitly as timestamptz (they are UTC); the other arrays' types follow their element types.
            return Nullable.GetUnderlyingType(property.ClrType) == typeof(DateTime) || property.ClrType == typeof(DateTime)
                ? new NpgsqlParameter($"p{i}", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values }
                : new NpgsqlParameter($"p{i}", values);
        })];
    }
}
