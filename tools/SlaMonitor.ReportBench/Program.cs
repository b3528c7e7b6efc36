using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Reports;

namespace SlaMonitor.ReportBench;

/// <summary>
/// Attainment report speed (issue 18): N closed promises (default 1,000,000) over 52 weeks, 50 customers, 8 sites, 5 carriers,
/// bulk-loaded with linq2db BulkCopy into a fresh PostgreSQL database migrated up to the ClosedPromises migration, whose
/// backfill then writes their report rows as it would on upgrading a production database, then the report the API serves for
/// <c>groupBy=customer,week&amp;tz=Europe/Berlin</c> over the whole year, timed end to end (SQL, reading, row mapping) per run.
/// <code>
/// tools/SlaMonitor.ReportBench/run.sh [--count 1000000] [--runs 7]
/// </code>
/// --postgres is a superuser connection (default: SLAMONITOR_TEST_POSTGRES); a database slamonitor_reportbench_* is
/// created on it and dropped afterwards.
/// </summary>
internal static class Program
{
    private static readonly Instant Start = Instant.FromUtc(2025, 11, 30, 23, 0);

    private static async Task<int> Main(string[] args)
    {
        var count = Option(args, "--count", 1_000_000);
        var runs = Option(args, "--runs", 7);
        var admin = Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("SLAMONITOR_TEST_POSTGRES")
            ?? throw new InvalidOperationException("--postgres or SLAMONITOR_TEST_POSTGRES is required");
        var name = Value(args, "--keep") ?? $"slamonitor_reportbench_{Guid.NewGuid():N}";
        var existing = Value(args, "--existing");
        name = existing ?? name;
        if (existing is null)
        {
            await Execute(admin, $"CREATE DATABASE {name}");
        }

        try
        {
            var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            await using var db = SlaDbContextOptions.Create(PersistenceProvider.Postgres, connection);
            var loading = Stopwatch.StartNew();
            if (existing is null)
            {
                // The promises are loaded before the migration that adds ClosedPromises, which then fills it from them
                // with its backfill: the report reads the rows a production database would hold after upgrading.
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync(BeforeClosedPromises(db));
                await Seed.LoadAsync(db, count, Start);
                await migrator.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Promises\"");
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"ClosedPromises\"");
            }

            Console.WriteLine(Invariant($"loaded {count:N0} closed promises in {loading.Elapsed.TotalSeconds:0.0} s (BulkCopy, the ClosedPromises migration's backfill, VACUUM ANALYZE); {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z"));
            var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
            var range = new ReportRange(Start, Start + Duration.FromDays(364), zone);
            var request = new AttainmentRequest(range, [ReportDimensions.Customer], ReportPeriod.Week, new AttainmentFilter());
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                db.ChangeTracker.Clear();
                var watch = Stopwatch.StartNew();
                var rows = 0;
                var counted = 0L;
                await foreach (var row in AttainmentQuery.RunAsync(db, request, CancellationToken.None))
                {
                    rows++;
                    counted += row.Met + row.Missed + row.Cancelled;
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
                Console.WriteLine(Invariant($"run {run + 1}: {rows:N0} rows (customer × week), {counted:N0} promises counted, {watch.Elapsed.TotalMilliseconds:0} ms"));
            }

            if (args.Contains("--explain"))
            {
                await Explain.PrintAsync(connection, request);
            }

            times.Sort();
            Console.WriteLine(Invariant($"attainment customer × week over {count:N0}: median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms ({runs} runs, the first one cold)"));
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Value(args, "--keep") is null && existing is null)
            {
                await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
    }

    private static string BeforeClosedPromises(SlaDbContext db)
    {
        var migrations = db.Database.GetMigrations().ToList();
        return migrations[migrations.FindIndex(m => m.EndsWith("_ClosedPromises", StringComparison.Ordinal)) - 1];
    }

    private static async Task Execute(string connection, string sql)
    {
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int Option(string[] args, string name, int fallback) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
