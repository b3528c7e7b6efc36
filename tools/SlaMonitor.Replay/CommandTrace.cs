using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SlaMonitor.Replay;

/// <summary>With REPLAY_TRACE set: every SQL command's count and time, printed at the end.</summary>
public sealed class CommandTrace : DbCommandInterceptor
{
    public static readonly CommandTrace Instance = new();
    private readonly ConcurrentDictionary<string, (long Count, double Ms, long Slow)> _seen = new();

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Add(command, eventData);
        return base.ReaderExecuted(command, eventData, result);
    }

    private void Add(DbCommand command, CommandExecutedEventData data)
    {
        var key = System.Text.RegularExpressions.Regex.Replace(command.CommandText, @"\s+", " ");
        key = key[..Math.Min(key.Length, 220)] + $" [{data.Context?.GetType().Name}]";
        var ms = data.Duration.TotalMilliseconds;
        var slow = ms > 50 ? 1 : 0;
        _seen.AddOrUpdate(key, (1, ms, slow), (_, v) => (v.Count + 1, v.Ms + ms, v.Slow + slow));
    }

    public string Report() => string.Join("\n", _seen.OrderByDescending(s => s.Value.Ms).Take(45)
        .Select(s => $"{s.Value.Count,8} {s.Value.Ms,10:F0} ms {s.Value.Slow,5} slow  {s.Key}"));
}
