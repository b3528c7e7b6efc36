using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace SlaMonitor.WakeupBench;

/// <summary>One opened promise as the projector would have left it: AT_RISK, its wake-up at the breach instant.</summary>
internal sealed record SeedPromise(string TicketRef, DateTime OpenedAt, DateTime Deadline, DateTime BreachAt);

/// <summary>
/// Bulk-inserts the promises and their OPENED events with each provider's native bulk path (PostgreSQL binary COPY,
/// SQLite one transaction of prepared INSERTs), and adds a trigger that stamps the moment a promise's row is
/// updated to BREACHED (the database's clock, inside the writing transaction) into bench_breached.
/// </summary>
internal static class Seeder
{
    public const string Customer = "BENCH";
    public const string Site = "BENCH-SITE";
    public const string ServiceLevel = "4H-BENCH";
    public const string Carrier = "BENCHCARRIER";

    public static async Task PostgresAsync(string connectionString, IReadOnlyList<SeedPromise> promises, int policyVersion, DateTime now)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE bench_breached ("Seq" bigserial, "TicketRef" text PRIMARY KEY, "At" timestamptz NOT NULL);
            CREATE FUNCTION bench_breached() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW."Status" = 'BREACHED' AND OLD."Status" <> 'BREACHED' THEN
                INSERT INTO bench_breached ("TicketRef", "At") VALUES (NEW."TicketRef", clock_timestamp()) ON CONFLICT DO NOTHING;
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER bench_breached AFTER UPDATE ON "Promises" FOR EACH ROW EXECUTE FUNCTION bench_breached();
            """);
        await using (var events = await connection.BeginBinaryImportAsync(
            """COPY "Events" ("CarrierCode", "EventId", "Kind", "Code", "OccurredAt", "TicketRef", "OpenedCustomer", "OpenedSite", "OpenedServiceLevel", "ReceivedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var p in promises)
            {
                await events.StartRowAsync();
                await events.WriteAsync(Carrier, NpgsqlDbType.Varchar);
                await events.WriteAsync($"{p.TicketRef}-opened", NpgsqlDbType.Varchar);
                await events.WriteAsync("repair", NpgsqlDbType.Varchar);
                await events.WriteAsync("OPENED", NpgsqlDbType.Varchar);
                await events.WriteAsync(p.OpenedAt, NpgsqlDbType.TimestampTz);
                await events.WriteAsync(p.TicketRef, NpgsqlDbType.Varchar);
                await events.WriteAsync(Customer, NpgsqlDbType.Varchar);
                await events.WriteAsync(Site, NpgsqlDbType.Varchar);
                await events.WriteAsync(ServiceLevel, NpgsqlDbType.Varchar);
                await events.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await events.CompleteAsync();
        }

        await using (var rows = await connection.BeginBinaryImportAsync(
            """COPY "Promises" ("TicketRef", "CustomerCode", "SiteCode", "ServiceLevel", "PolicyVersion", "Status", "OpenedAt", "Deadline", "PausedSeconds", "PausedByBlameJson", "ReasonsJson", "CarrierCode", "NextEvaluationAt", "UpdatedAt", "Revision") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var p in promises)
            {
                await rows.StartRowAsync();
                await rows.WriteAsync(p.TicketRef, NpgsqlDbType.Varchar);
                await rows.WriteAsync(Customer, NpgsqlDbType.Varchar);
                await rows.WriteAsync(Site, NpgsqlDbType.Varchar);
                await rows.WriteAsync(ServiceLevel, NpgsqlDbType.Varchar);
                await rows.WriteAsync(policyVersion, NpgsqlDbType.Integer);
                await rows.WriteAsync("AT_RISK", NpgsqlDbType.Varchar);
                await rows.WriteAsync(p.OpenedAt, NpgsqlDbType.TimestampTz);
                await rows.WriteAsync(p.Deadline, NpgsqlDbType.TimestampTz);
                await rows.WriteAsync(0L, NpgsqlDbType.Bigint);
                await rows.WriteAsync("{}", NpgsqlDbType.Varchar);
                await rows.WriteAsync("[]", NpgsqlDbType.Text);
                await rows.WriteAsync(Carrier, NpgsqlDbType.Varchar);
                await rows.WriteAsync(p.BreachAt, NpgsqlDbType.TimestampTz);
                await rows.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await rows.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await rows.CompleteAsync();
        }

        await ExecuteAsync(connection, """ANALYZE "Promises"; ANALYZE "Events";""");
    }

    public static async Task SqliteAsync(string connectionString, IReadOnlyList<SeedPromise> promises, int policyVersion, DateTime now)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE bench_breached ("TicketRef" TEXT PRIMARY KEY, "At" REAL NOT NULL);
            CREATE TRIGGER bench_breached AFTER UPDATE OF "Status" ON "Promises"
            WHEN NEW."Status" = 'BREACHED' AND OLD."Status" <> 'BREACHED'
            BEGIN
              INSERT OR IGNORE INTO bench_breached VALUES (NEW."TicketRef", (julianday('now') - 2440587.5) * 86400000.0);
            END;
            """);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var events = connection.CreateCommand();
        events.Transaction = transaction;
        events.CommandText = """
            INSERT INTO "Events" ("CarrierCode", "EventId", "Kind", "Code", "OccurredAt", "TicketRef", "OpenedCustomer", "OpenedSite", "OpenedServiceLevel", "ReceivedAt")
            VALUES ($carrier, $eventId, 'repair', 'OPENED', $occurredAt, $ticket, $customer, $site, $serviceLevel, $now)
            """;
        var eCarrier = events.Parameters.Add("$carrier", SqliteType.Text);
        var eId = events.Parameters.Add("$eventId", SqliteType.Text);
        var eOccurred = events.Parameters.Add("$occurredAt", SqliteType.Text);
        var eTicket = events.Parameters.Add("$ticket", SqliteType.Text);
        var eCustomer = events.Parameters.Add("$customer", SqliteType.Text);
        var eSite = events.Parameters.Add("$site", SqliteType.Text);
        var eLevel = events.Parameters.Add("$serviceLevel", SqliteType.Text);
        var eNow = events.Parameters.Add("$now", SqliteType.Text);
        await using var rows = connection.CreateCommand();
        rows.Transaction = transaction;
        rows.CommandText = """
            INSERT INTO "Promises" ("TicketRef", "CustomerCode", "SiteCode", "ServiceLevel", "PolicyVersion", "Status", "OpenedAt", "Deadline",
              "PausedSeconds", "PausedByBlameJson", "ReasonsJson", "CarrierCode", "NextEvaluationAt", "UpdatedAt", "Revision")
            VALUES ($ticket, $customer, $site, $serviceLevel, $version, 'AT_RISK', $openedAt, $deadline, 0, '{}', '[]', $carrier, $breachAt, $now, 0)
            """;
        var pTicket = rows.Parameters.Add("$ticket", SqliteType.Text);
        var pCustomer = rows.Parameters.Add("$customer", SqliteType.Text);
        var pSite = rows.Parameters.Add("$site", SqliteType.Text);
        var pLevel = rows.Parameters.Add("$serviceLevel", SqliteType.Text);
        var pVersion = rows.Parameters.Add("$version", SqliteType.Integer);
        var pOpened = rows.Parameters.Add("$openedAt", SqliteType.Text);
        var pDeadline = rows.Parameters.Add("$deadline", SqliteType.Text);
        var pCarrier = rows.Parameters.Add("$carrier", SqliteType.Text);
        var pBreach = rows.Parameters.Add("$breachAt", SqliteType.Text);
        var pNow = rows.Parameters.Add("$now", SqliteType.Text);
        (eCarrier.Value, eCustomer.Value, eSite.Value, eLevel.Value, eNow.Value) = (Carrier, Customer, Site, ServiceLevel, now);
        (pCustomer.Value, pSite.Value, pLevel.Value, pVersion.Value, pCarrier.Value, pNow.Value) = (Customer, Site, ServiceLevel, policyVersion, Carrier, now);
        foreach (var p in promises)
        {
            (eId.Value, eOccurred.Value, eTicket.Value) = ($"{p.TicketRef}-opened", p.OpenedAt, p.TicketRef);
            await events.ExecuteNonQueryAsync();
            (pTicket.Value, pOpened.Value, pDeadline.Value, pBreach.Value) = (p.TicketRef, p.OpenedAt, p.Deadline, p.BreachAt);
            await rows.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await ExecuteAsync(connection, "ANALYZE;");
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
