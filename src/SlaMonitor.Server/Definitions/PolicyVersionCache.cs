using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Definitions;

/// <summary>
/// Policy versions by service level and version, read once per process: a saved version never changes (a PUT adds the
/// next one), and every re-derivation of a stored promise needs its own. Memory grows with the versions administrators
/// created, never with promises or requests.
/// </summary>
public sealed class PolicyVersionCache
{
    private readonly ConcurrentDictionary<(string ServiceLevel, int Version), PolicyVersion> _versions = new();

    public async Task<PolicyVersion?> GetAsync(SlaDbContext db, string serviceLevel, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_versions.TryGetValue((serviceLevel, version), out var known))
        {
            return known;
        }

        var read = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.ServiceLevel == serviceLevel && p.Version == version, ct);
        if (read is not null)
        {
            _versions[(serviceLevel, version)] = read;
        }

        return read;
    }
}
