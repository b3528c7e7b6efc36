using Npgsql;

namespace SlaMonitor.LoadGen;

/// <summary>
/// Reads the server's PostgreSQL: events of this run stored, and promises not yet re-evaluated after their latest
/// event (a ticket whose OPENED the phase never sent has no promise: its events stay parked and are not waited for).
/// </summary>
internal sealed class StoreProbe(string connectionString, string ticketPrefix)
{
    public async Task<(long Stored, long Behind)> ReadAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT COUNT(*) FROM "Events" WHERE "TicketRef" LIKE @prefix),
                   (SELECT COUNT(DISTINCT e."TicketRef") FROM "Events" e
                      JOIN "Promises" p ON p."TicketRef" = e."TicketRef"
                     WHERE e."TicketRef" LIKE @prefix AND p."UpdatedAt" < e."ReceivedAt")
            """, connection);
        command.Parameters.AddWithValue("prefix", ticketPrefix + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
