using Microsoft.EntityFrameworkCore;

namespace SlaMonitor.Server.Common;

/// <summary>
/// The few expressions raw report SQL writes differently per provider: seconds between two timestamps, a timestamp's
/// UTC day as 'yyyy-MM-dd', and whether percentiles can be taken in the database (PostgreSQL's ordered-set aggregates).
/// </summary>
public sealed record SqlDialect(string Provider)
{
    public bool HasPercentiles => Provider == "Postgres";

    public static SqlDialect Of(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(db.Database.IsNpgsql() ? "Postgres" : db.Database.IsSqlServer() ? "SqlServer" : "Sqlite");
    }

    /// <summary>Seconds from <paramref name="from"/> to <paramref name="to"/> (column expressions), as a float.</summary>
    public string Seconds(string from, string to) => Provider switch
    {
        "Postgres" => $"EXTRACT(EPOCH FROM ({to} - {from}))::float8",
        "SqlServer" => $"CAST(DATEDIFF_BIG(millisecond, {from}, {to}) AS FLOAT) / 1000",
        _ => $"((julianday({to}) - julianday({from})) * 86400.0)",
    };

    /// <summary>The UTC day of a timestamp column as text 'yyyy-MM-dd'.</summary>
    public string UtcDay(string column) => Provider switch
    {
        "Postgres" => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
        "SqlServer" => $"CONVERT(char(10), {column}, 23)",
        _ => $"date({column})",
    };
}
