using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Definitions;

/// <summary>
/// The configured carriers as the webhook sees them: the whole table, read at most every <see cref="CacheFor"/>, so
/// memory grows with the carriers an administrator configured and never with the codes a request names (an unknown
/// code leaves no trace). A code it does not hold, or a signature that fails, makes it read the table again, but at most
/// once every <see cref="RereadAtMostEvery"/>: a flood of made-up codes or bad signatures costs one query a second.
/// A change through the admin API of this process applies at once; one made by another API process (a new carrier, a
/// rotated secret) within <see cref="RereadAtMostEvery"/>; a retired secret, the rate and the format within
/// <see cref="CacheFor"/>. Both are wall time (<paramref name="time"/>), not the host's <c>IClock</c>: the replay tool
/// moves that clock by hours between two requests.
/// </summary>
public sealed class CarrierDirectory(IServiceScopeFactory scopes, TimeProvider? time = null) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RereadAtMostEvery = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>How many carriers are held.</summary>
    public int Count => _snapshot?.Carriers.Count ?? 0;

    /// <summary>The carrier, or null when no carrier has that code.</summary>
    public async Task<Carrier?> FindAsync(string code, CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.ReadAt + CacheFor <= _time.GetUtcNow())
        {
            snapshot = await ReadAsync(snapshot, ct);
        }

        return snapshot.Carriers.GetValueOrDefault(code) ?? (await RereadAsync(snapshot, ct))?.Carriers.GetValueOrDefault(code);
    }

    /// <summary>
    /// After a signature failed against <paramref name="carrier"/>: the carrier read again (its secret may have been
    /// rotated through another API process), or null when it was read too recently to read again or is gone.
    /// </summary>
    public async Task<Carrier?> RereadAsync(Carrier carrier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        var snapshot = _snapshot;
        return snapshot is null ? null : (await RereadAsync(snapshot, ct))?.Carriers.GetValueOrDefault(carrier.Code);
    }

    /// <summary>Called after a change through the admin API: the next request reads the table again.</summary>
    public void Forget() => _snapshot = null;

    public void Dispose() => _reading.Dispose();

    /// <summary>A newer snapshot than <paramref name="seen"/>, or null when <paramref name="seen"/> is too young to replace.</summary>
    private async Task<Snapshot?> RereadAsync(Snapshot seen, CancellationToken ct)
    {
        if (_snapshot == seen && seen.ReadAt + RereadAtMostEvery > _time.GetUtcNow())
        {
            return null;
        }

        var read = await ReadAsync(seen, ct);
        return read == seen ? null : read;
    }

    /// <summary>Reads the table unless another request replaced <paramref name="seen"/> meanwhile; one read at a time.</summary>
    private async Task<Snapshot> ReadAsync(Snapshot? seen, CancellationToken ct)
    {
        await _reading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } current && current != seen)
            {
                return current;
            }

            await using var scope = scopes.CreateAsyncScope();
            var carriers = await scope.ServiceProvider.GetRequiredService<SlaDbContext>().Carriers.AsNoTracking().ToListAsync(ct);
            var read = new Snapshot(carriers.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal), _time.GetUtcNow());
            _snapshot = read;
            return read;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>A class, not a record: snapshots are told apart by reference.</summary>
    private sealed class Snapshot(FrozenDictionary<string, Carrier> carriers, DateTimeOffset readAt)
    {
        public FrozenDictionary<string, Carrier> Carriers { get; } = carriers;

        public DateTimeOffset ReadAt { get; } = readAt;
    }
}
