using Npgsql;

namespace SlaMonitor.LoadGen;

/// <summary>
/// Reads the server's PostgreSQL: events of this run stored, and promises not yet re-evaluated after their latest
/// event (a ticket whose OPENED the phase never sent has no promise: its events stay parked and are not waited for).
/// The second is a join over the run's events, so it is only asked once the first says everything is stored: the
/// probe shares the machine with the server it measures.
/// </summary>
internal sealed class StoreProbe(string connectionString, string ticketPrefix)
{
    public Task<long> StoredAsync() => ScalarAsync("""SELECT COUNT(*) FROM "Events" WHERE "TicketRef" LIKE @prefix""");

    public Task<long> BehindAsync() => ScalarAsync(
        $"""
        SELECT COUNT(DISTINCT e."TicketRef") FROM "Events" e
          JOIN "Promises" p ON p."TicketRef" = e."TicketRef"
         WHERE e."TicketRef" LIKE @prefix AND NOT ({EvaluatedAfterStored})
        """);

    /// <summary>
    /// The promise row was last written by a transaction that began after the event's was under way (PostgreSQL
    /// assigns transaction ids in order): the event is stored before its promise is re-derived, so a promise updated by
    /// an earlier batch after the event was received, but before the event was stored, does not count. And the
    /// promise's evaluation time is at or after the event's receipt.
    /// </summary>
    private const string EvaluatedAfterStored =
        "p.xmin::text::bigint > e.xmin::text::bigint AND p.\"UpdatedAt\" >= e.\"ReceivedAt\"";

    /// <summary>Of these events of the carrier, those stored whose promise was evaluated since they were received.</summary>
    public async Task<List<string>> EvaluatedAsync(string carrier, IReadOnlyList<string> eventIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT e."EventId" FROM "Events" e JOIN "Promises" p ON p."TicketRef" = e."TicketRef"
             WHERE e."CarrierCode" = @carrier AND e."EventId" = ANY(@ids) AND {EvaluatedAfterStored}
            """, connection);
        command.Parameters.AddWithValue("carrier", carrier);
        command.Parameters.AddWithValue("ids", eventIds.ToArray());
        var evaluated = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            evaluated.Add(reader.GetString(0));
        }

        return evaluated;
    }

    /// <summary>The run's promises by status now, and how many of them were escalated (went AT_RISK or BREACHED).</summary>
    public async Task<string> OutcomesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT "Status", COUNT(*) FROM "Promises" WHERE "TicketRef" LIKE @prefix GROUP BY "Status" ORDER BY 2 DESC
            """, connection);
        command.Parameters.AddWithValue("prefix", ticketPrefix + "%");
        var statuses = new List<(string Status, long Count)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                statuses.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        var promises = statuses.Sum(s => s.Count);
        var escalated = await ScalarAsync("""SELECT COUNT(DISTINCT "TicketRef") FROM "Escalations" WHERE "TicketRef" LIKE @prefix""");
        string Share(long n) => promises == 0 ? "–" : (n / (double)promises).ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
        return $"{promises} promises of the run, now {string.Join(", ", statuses.Select(s => $"{s.Status} {Share(s.Count)}"))}; " +
               $"escalated (went AT_RISK or BREACHED) {escalated} = {Share(escalated)}";
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("prefix", ticketPrefix + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
