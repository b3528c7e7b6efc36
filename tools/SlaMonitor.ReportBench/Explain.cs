using System.Text.RegularExpressions;
using Npgsql;
using SlaMonitor.Server.Reports;

namespace SlaMonitor.ReportBench;

/// <summary>PostgreSQL's plan of the report's statement (the PostgreSQL dialect the API runs) with timings (EXPLAIN ANALYZE, BUFFERS), to see where the time goes.</summary>
internal static partial class Explain
{
    public static async Task PrintAsync(string connection, AttainmentRequest request)
    {
        var starts = ReportPeriods.Starts(request.Range.From, request.Range.To, request.Range.Zone, request.Period)
            .Select(d => request.Range.Zone.AtStartOfDay(d).ToDateTimeUtc()).ToList();
        var (sql, parameters) = AttainmentSql.Build(request, starts, postgres: true);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using (var jitOff = new NpgsqlCommand("SET jit = off", db))
        {
            await jitOff.ExecuteNonQueryAsync(); // as AttainmentQuery runs it
        }

        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + Placeholder().Replace(sql, m => "$" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)), db);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine(reader.GetString(0));
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
