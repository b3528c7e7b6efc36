using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SlaMonitor.WakeupBench;

/// <summary>
/// Wake-up lateness (issue 6): N promises whose breach instants fall within one minute are bulk-inserted into a
/// fresh database as the projector would have left them (AT_RISK, wake-up at deadline + 1 s, five events of history,
/// a two-step ladder); the server's real Program (role all, in this process) runs; for each promise triggers stamp
/// the moment its row is committed BREACHED and the moment its escalation says BREACHED, and lateness = that moment -
/// (deadline + 1 s). Prints p50/p99/max per provider for each, and for both (the later of the two per promise).
/// <code>
/// dotnet run -c Release --project tools/SlaMonitor.WakeupBench -- [--count 100000] [--providers postgres,sqlite]
///     [--postgres "Host=…;Username=…;Password=…;Database=postgres"] [--lead 60] [--timeout 600]
///     [--batch-size 500] [--parallelism 2] [--quartz-threads 10] [--quartz-batch 10]
/// </code>
/// Provider "quartz" measures the alternative of one Quartz trigger per promise instead (<see cref="QuartzTriggers"/>).
/// --postgres is a superuser connection (default: SLAMONITOR_BENCH_POSTGRES, else SLAMONITOR_TEST_POSTGRES); a
/// database slamonitor_bench_* is created on it and dropped afterwards.
/// </summary>
internal static class Bench
{
    private const int WarmUp = 100;

    private static readonly string[] WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"];
    private static readonly string[] PauseOn = ["CUSTOMER_HOLD", "CUSTOMS_HOLD"];
    private static readonly string[] AllCustomers = ["*"];

    private static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wake-up bench: {options.Count:N0} promises, breach instants within one minute starting {options.Lead.TotalSeconds:0} s after seeding; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z"));
        foreach (var provider in options.Providers)
        {
            object result = provider switch
            {
                "postgres" => await RunPostgres(options),
                "sqlite" => await RunSqlite(options),
                "quartz" => await RunQuartz(options),
                _ => throw new ArgumentException($"unknown provider {provider}"),
            };
            Console.WriteLine(result);
        }

        return 0;
    }

    private static async Task<Result> RunPostgres(Options options)
    {
        var admin = options.Postgres ?? throw new ArgumentException("--postgres (or SLAMONITOR_BENCH_POSTGRES) is required for postgres");
        var name = $"slamonitor_bench_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        await ExecuteAdmin(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            return await Run("postgres", "Postgres", connectionString, options, Seeder.PostgresAsync, ReadPostgres);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdmin(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <summary>The per-promise Quartz trigger alternative, on a fresh PostgreSQL database (see <see cref="QuartzTriggers"/>).</summary>
    private static async Task<string> RunQuartz(Options options)
    {
        var admin = options.Postgres ?? throw new ArgumentException("--postgres (or SLAMONITOR_BENCH_POSTGRES) is required for quartz");
        var name = $"slamonitor_bench_{Guid.NewGuid():N}";
        await ExecuteAdmin(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            return await QuartzTriggers.RunAsync(connectionString, options.Count, options.Lead, options.QuartzThreads, options.QuartzBatch, options.Timeout);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdmin(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<Result> RunSqlite(Options options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"slamonitor-bench-{Guid.NewGuid():N}.db");
        try
        {
            return await Run("sqlite", "Sqlite", $"Data Source={path}", options, Seeder.SqliteAsync, ReadSqlite);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static async Task<Result> Run(
        string label, string provider, string connectionString, Options options,
        Func<string, IReadOnlyList<SeedPromise>, int, DateTime, Task> seed,
        Func<string, string, long, Dictionary<string, DateTime>, Task<long>> read)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Role"] = "all",
            ["Persistence:Provider"] = provider,
            ["Persistence:ConnectionString"] = connectionString,
            ["Persistence:MigrateOnStartup"] = "true",
            ["Messaging:Transport"] = "InMemory",
            ["Scheduling:InstanceName"] = $"bench-{Guid.NewGuid():N}",
            ["Scheduling:Wakeups:BatchSize"] = options.BatchSize.ToString(CultureInfo.InvariantCulture),
            ["Scheduling:Wakeups:Parallelism"] = options.Parallelism.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "slamonitor-bench-mail"),
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        };
        await using var host = new BenchHost(settings);
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", "dev-admin-key");
        await Configure(admin);
        var policyVersion = 1;

        // Breach instants (deadline + 1 s) spread evenly over the whole seconds of one minute, all in the future.
        var start = DateTime.UtcNow;
        var first = new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc) + options.Lead;
        // Plus a few warm-up promises breaching 8 s before, not counted: a running worker has its code paths
        // compiled and its connection pool filled; a fresh process would otherwise charge that to the first second.
        var promises = Enumerable.Range(0, options.Count).Select(i => Promise($"BENCH-{i:D7}", first + TimeSpan.FromSeconds(i % 60))).ToList();
        var warmUp = Enumerable.Range(0, WarmUp).Select(i => Promise($"WARMUP-{i:D4}", first - TimeSpan.FromSeconds(8))).ToList();
        var seeding = Stopwatch.StartNew();
        await seed(connectionString, [.. warmUp, .. promises], policyVersion, start);
        var seeded = seeding.Elapsed;
        if (DateTime.UtcNow >= first - TimeSpan.FromSeconds(8))
        {
            throw new InvalidOperationException($"seeding took {seeded.TotalSeconds:0.0} s, past the first deadline: raise --lead");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}: seeded {options.Count:N0} promises + events in {seeded.TotalSeconds:0.0} s; first breach at {first.AddSeconds(1):HH:mm:ss}Z"));
        var before = provider == "Postgres" ? await Counters(connectionString) : null;
        // Read incrementally (rows after the last one seen), so that measuring costs the server under test little.
        var breachedAt = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var escalatedAt = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var (seenBreached, seenEscalated) = (0L, 0L);
        var giveUp = first + TimeSpan.FromSeconds(61) + options.Timeout;
        while (DateTime.UtcNow < giveUp)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            seenBreached = await read(connectionString, "bench_breached", seenBreached, breachedAt);
            seenEscalated = await read(connectionString, "bench_escalated", seenEscalated, escalatedAt);
            if (breachedAt.Count >= options.Count + WarmUp && escalatedAt.Count >= options.Count + WarmUp)
            {
                break;
            }
        }

        if (before is not null)
        {
            // Database work per processed wake-up (warm-up included; the pollers' reads add one commit per 2 s).
            var after = await Counters(connectionString);
            var n = (double)(options.Count + WarmUp);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label}: per wake-up {(after[0] - before[0]) / n:0.0} commits, {(after[1] - before[1]) / n:0.0} rows inserted, {(after[2] - before[2]) / n:0.0} rows updated, {(after[3] - before[3]) / n:0.0} rows fetched"));
        }

        double[] Lateness(Func<SeedPromise, DateTime?> at) =>
            [.. promises.Select(p => at(p) is { } when ? (when - p.BreachAt).TotalMilliseconds : (double?)null).OfType<double>().Order()];
        DateTime? Breached(SeedPromise p) => breachedAt.TryGetValue(p.TicketRef, out var at) ? at : null;
        DateTime? Escalated(SeedPromise p) => escalatedAt.TryGetValue(p.TicketRef, out var at) ? at : null;
        DateTime? Both(SeedPromise p) => Breached(p) is { } b && Escalated(p) is { } e ? (b > e ? b : e) : null;
        return new Result(label, options.Count, seeded, [
            ("promise BREACHED committed", Lateness(Breached)),
            ("escalation says BREACHED", Lateness(Escalated)),
            ("both", Lateness(Both)),
        ]);
    }

    private static SeedPromise Promise(string ticketRef, DateTime deadline) =>
        new(ticketRef, deadline - TimeSpan.FromHours(4), deadline, deadline + TimeSpan.FromSeconds(1));

    private static async Task Configure(HttpClient admin)
    {
        await Put(admin, $"/api/v1/sites/{Seeder.Site}", new
        {
            name = "Bench site", region = "EU", timeZone = "Europe/Berlin",
            calendar = new { workingDays = WorkingDays, opens = "08:00", closes = "18:00" },
        });
        await Put(admin, $"/api/v1/policies/{Seeder.ServiceLevel}", new
        {
            clock = "elapsed", target = "PT4H", fulfilledBy = "TECHNICIAN_ONSITE", atRiskMargin = "PT30M",
            pauseOn = PauseOn,
            escalation = new object[] { new { level = 1, notify = "board", after = "PT0M" }, new { level = 2, notify = "accountManager", after = "PT15M" } },
        });
        await Put(admin, $"/api/v1/customers/{Seeder.Customer}", new { name = "Bench Corp", accountManagers = new[] { new { name = "Dana", email = "dana@example.com" } } });
        await Put(admin, $"/api/v1/carriers/{Seeder.Carrier}", new { name = "Bench carrier", secret = "bench-secret-000000001", format = "canonical", customers = AllCustomers });
    }

    private static async Task Put(HttpClient admin, string path, object body)
    {
        using var response = await admin.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>pg_stat_database: commits, rows inserted, updated, fetched (statistics are flushed with a small delay).</summary>
    private static async Task<long[]> Counters(string connectionString)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT xact_commit, tup_inserted, tup_updated, tup_fetched FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return [reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)];
    }

    private static async Task<long> ReadPostgres(string connectionString, string table, long after, Dictionary<string, DateTime> into)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""SELECT "Seq", "TicketRef", "At" FROM {table} WHERE "Seq" > @after""", connection);
        command.Parameters.AddWithValue("after", after);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            after = Math.Max(after, reader.GetInt64(0));
            into[reader.GetString(1)] = reader.GetFieldValue<DateTime>(2);
        }

        return after;
    }

    private static async Task<long> ReadSqlite(string connectionString, string table, long after, Dictionary<string, DateTime> into)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT rowid, "TicketRef", "At" FROM {table} WHERE rowid > $after""";
        command.Parameters.AddWithValue("$after", after);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            after = Math.Max(after, reader.GetInt64(0));
            into[reader.GetString(1)] = DateTime.UnixEpoch.AddMilliseconds(reader.GetDouble(2));
        }

        return after;
    }

    private static async Task ExecuteAdmin(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Result(string Provider, int Count, TimeSpan Seeded, IReadOnlyList<(string Stamp, double[] LatenessMs)> Stamps)
    {
        public override string ToString() => string.Join(Environment.NewLine, Stamps.Select(s => Line(s.Stamp, s.LatenessMs)));

        private string Line(string stamp, double[] lateness)
        {
            if (lateness.Length == 0)
            {
                return $"  {Provider}, {stamp}: none of {Count:N0} promises";
            }

            double At(double q) => lateness[Math.Min(lateness.Length - 1, (int)Math.Ceiling(q * lateness.Length) - 1)];
            var withinOneSecond = lateness.Count(l => l <= 1000);
            return string.Create(CultureInfo.InvariantCulture,
                $"  {Provider}, {stamp}: {lateness.Length:N0}/{Count:N0}; lateness p50 {At(0.50):0} ms, p99 {At(0.99):0} ms, max {lateness[^1]:0} ms, min {lateness[0]:0} ms; ≤ 1 s: {100.0 * withinOneSecond / Count:0.0} % (missing ones count as over)");
        }
    }

    private sealed record Options(
        int Count, IReadOnlyList<string> Providers, string? Postgres, TimeSpan Lead, TimeSpan Timeout, int BatchSize, int Parallelism, int QuartzThreads, int QuartzBatch)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            }

            int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            var count = Int("--count", 100_000);
            return new Options(
                count,
                (Value("--providers") ?? "postgres,sqlite").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Value("--postgres") ?? Environment.GetEnvironmentVariable("SLAMONITOR_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("SLAMONITOR_TEST_POSTGRES"),
                TimeSpan.FromSeconds(Int("--lead", Math.Max(20, 15 + count / 2000))),
                TimeSpan.FromSeconds(Int("--timeout", 600)),
                Int("--batch-size", 500),
                Int("--parallelism", 2),
                Int("--quartz-threads", 10),
                Int("--quartz-batch", 10));
        }
    }
}
