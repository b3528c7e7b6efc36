using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Ingest;

namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>
/// Which of a request's event ids are stored already. Concurrent requests share their lookups
/// (<see cref="GroupCommit{T}"/>): one query per carrier for every request waiting, instead of one per request.
/// A large request looks up on its own, in parallel with the others.
/// </summary>
public sealed class StoredEventIds : IAsyncDisposable
{
    private const int SharedUpTo = 100;
    private readonly IServiceScopeFactory _scopes;
    private readonly GroupCommit<Lookup> _lookups;

    public StoredEventIds(IServiceScopeFactory scopes, ILogger<StoredEventIds> logger)
    {
        _scopes = scopes;
        _lookups = new GroupCommit<Lookup>(200, TimeSpan.Zero, LookUpAsync, (e, n) => logger.LogWarning(e, "A shared duplicate lookup for {Count} requests failed; looking up one by one", n));
    }

    public async Task<IReadOnlySet<string>> AmongAsync(string carrierCode, IReadOnlyCollection<string> eventIds)
    {
        var lookup = new Lookup(carrierCode, eventIds);
        await (eventIds.Count <= SharedUpTo ? _lookups.SubmitAsync(lookup) : LookUpAsync([lookup]));
        return lookup.Stored;
    }

    public ValueTask DisposeAsync() => _lookups.DisposeAsync();

    private async Task LookUpAsync(IReadOnlyList<Lookup> lookups)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        foreach (var carrier in lookups.GroupBy(l => l.CarrierCode, StringComparer.Ordinal))
        {
            var stored = await StoredEvents.StoredIdsAsync(db, carrier.Key, carrier.SelectMany(l => l.EventIds), CancellationToken.None);
            foreach (var lookup in carrier)
            {
                lookup.Stored.UnionWith(lookup.EventIds.Where(stored.Contains));
            }
        }
    }

    private sealed record Lookup(string CarrierCode, IReadOnlyCollection<string> EventIds)
    {
        public HashSet<string> Stored { get; } = new(StringComparer.Ordinal);
    }
}
