using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace SlaMonitor.WakeupBench;

/// <summary>One opened promise as the projector would have left it: AT_RISK, its wake-up at the breach instant.</summary>
internal sealed record SeedPromise(string TicketRef, DateTime OpenedAt, DateTime Deadline, DateTime BreachAt)
{
    /// <summary>
    /// A realistic history for the wake-up to re-fold: opened, label, picked up, in transit, delayed by the carrier
    /// (the part is still on its way when the deadline passes).
    /// </summary>
    public IEnumerable<(string EventId, string Kind, string Code, DateTime At, string? Shipment, string? Reason)> History()
    {
        var shipment = $"S-{TicketRef}";
        yield return ($"{TicketRef}-opened", "repair", "OPENED", OpenedAt, null, null);
        yield return ($"{TicketRef}-label", "shipment", "LABEL_CREATED", OpenedAt.AddMinutes(10), shipment, null);
        yield return ($"{TicketRef}-pickup", "shipment", "PICKED_UP", OpenedAt.AddMinutes(70), shipment, null);
        yield return ($"{TicketRef}-transit", "shipment", "IN_TRANSIT", OpenedAt.AddMinutes(110), shipment, null);
        yield return ($"{TicketRef}-delayed", "shipment", "DELAYED", OpenedAt.AddMinutes(150), shipment, "CARRIER_CAPACITY");
    }
}

/// <summary>
/// Bulk-inserts the promises and their event histories (<see cref="SeedPromise.History"/>) with each provider's native
/// bulk path (PostgreSQL binary COPY, SQLite one transaction of prepared INSERTs), and adds triggers that stamp (the
/// database's clock, inside the writing transaction) the moment a promise's row is updated to BREACHED into
/// bench_breached, and the moment its escalation is written saying BREACHED into bench_escalated.
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
            CREATE TABLE bench_escalated ("Seq" bigserial, "TicketRef" text PRIMARY KEY, "At" timestamptz NOT NULL);
            CREATE FUNCTION bench_escalated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW."PromiseStatus" = 'BREACHED' THEN
                INSERT INTO bench_escalated ("TicketRef", "At") VALUES (NEW."TicketRef", clock_timestamp()) ON CONFLICT DO NOTHING;
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER bench_escalated AFTER INSERT OR UPDATE ON "Escalations" FOR EACH ROW EXECUTE FUNCTION bench_escalated();
            """);
        await using (var events = await connection.BeginBinaryImportAsync(
            """COPY "Events" ("CarrierCode", "EventId", "Kind", "Code", "OccurredAt", "TicketRef", "ShipmentRef", "Reason", "OpenedCustomer", "OpenedSite", "OpenedServiceLevel", "ReceivedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var p in promises)
            {
                foreach (var e in p.History())
                {
                    var opened = e.Code == "OPENED";
                    await events.StartRowAsync();
                    await events.WriteAsync(Carrier, NpgsqlDbType.Varchar);
                    await events.WriteAsync(e.EventId, NpgsqlDbType.Varchar);
                    await events.WriteAsync(e.Kind, NpgsqlDbType.Varchar);
                    await events.WriteAsync(e.Code, NpgsqlDbType.Varchar);
                    await events.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
                    await events.WriteAsync(p.TicketRef, NpgsqlDbType.Varchar);
                    await WriteOrNull(events, e.Shipment);
                    await WriteOrNull(events, e.Reason);
                    await WriteOrNull(events, opened ? Customer : null);
                    await WriteOrNull(events, opened ? Site : null);
                    await WriteOrNull(events, opened ? ServiceLevel : null);
                    await events.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }
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
            CREATE TABLE bench_escalated ("TicketRef" TEXT PRIMARY KEY, "At" REAL NOT NULL);
            CREATE TRIGGER bench_escalated_insert AFTER INSERT ON "Escalations" WHEN NEW."PromiseStatus" = 'BREACHED'
            BEGIN
              INSERT OR IGNORE INTO bench_escalated VALUES (NEW."TicketRef", (julianday('now') - 2440587.5) * 86400000.0);
            END;
            CREATE TRIGGER bench_escalated_update AFTER UPDATE ON "Escalations" WHEN NEW."PromiseStatus" = 'BREACHED'
            BEGIN
              INSERT OR IGNORE INTO bench_escalated VALUES (NEW."TicketRef", (julianday('now') - 2440587.5) * 86400000.0);
            END;
            """);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var events = connection.CreateCommand();
        events.Transaction = transaction;
        events.CommandText = """
            INSERT INTO "Events" ("CarrierCode", "EventId", "Kind", "Code", "OccurredAt", "TicketRef", "ShipmentRef", "Reason", "OpenedCustomer", "OpenedSite", "OpenedServiceLevel", "ReceivedAt")
            VALUES ($carrier, $eventId, $kind, $code, $occurredAt, $ticket, $shipment, $reason, $customer, $site, $serviceLevel, $now)
            """;
        var eCarrier = events.Parameters.Add("$carrier", SqliteType.Text);
        var eId = events.Parameters.Add("$eventId", SqliteType.Text);
        var eKind = events.Parameters.Add("$kind", SqliteType.Text);
        var eCode = events.Parameters.Add("$code", SqliteType.Text);
        var eShipment = events.Parameters.Add("$shipment", SqliteType.Text);
        var eReason = events.Parameters.Add("$reason", SqliteType.Text);
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
        (eCarrier.Value, eNow.Value) = (Carrier, now);
        (pCustomer.Value, pSite.Value, pLevel.Value, pVersion.Value, pCarrier.Value, pNow.Value) = (Customer, Site, ServiceLevel, policyVersion, Carrier, now);
        foreach (var p in promises)
        {
            foreach (var e in p.History())
            {
                var opened = e.Code == "OPENED";
                (eId.Value, eKind.Value, eCode.Value, eOccurred.Value, eTicket.Value) = (e.EventId, e.Kind, e.Code, e.At, p.TicketRef);
                (eShipment.Value, eReason.Value) = (e.Shipment ?? (object)DBNull.Value, e.Reason ?? (object)DBNull.Value);
                eCustomer.Value = opened ? Customer : DBNull.Value;
                eSite.Value = opened ? Site : DBNull.Value;
                eLevel.Value = opened ? ServiceLevel : DBNull.Value;
                await events.ExecuteNonQueryAsync();
            }

            (pTicket.Value, pOpened.Value, pDeadline.Value, pBreach.Value) = (p.TicketRef, p.OpenedAt, p.Deadline, p.BreachAt);
            await rows.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await ExecuteAsync(connection, "ANALYZE;");
    }

    private static Task WriteOrNull(NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Varchar);

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
