using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Definitions;

/// <summary>
/// Carriers as the webhook sees them, cached for <see cref="CacheFor"/> so that a request does not read the
/// database. A change through the admin API applies at once in this process; in another API process a new
/// secret applies at once too (a signature that fails against the cached carrier is checked again against a
/// fresh read), everything else (a retired secret, the rate, the format) within <see cref="CacheFor"/>.
/// </summary>
public sealed class CarrierDirectory(IServiceScopeFactory scopes, IClock clock)
{
    public static readonly Duration CacheFor = Duration.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (Carrier? Carrier, Instant Until)> _carriers = new(StringComparer.Ordinal);

    /// <summary>The carrier, from the cache when it holds it; an unknown carrier is always looked up again.</summary>
    public async Task<(Carrier? Carrier, bool Cached)> FindAsync(string code, CancellationToken ct)
    {
        if (_carriers.TryGetValue(code, out var entry) && entry.Carrier is not null && entry.Until > clock.GetCurrentInstant())
        {
            return (entry.Carrier, true);
        }

        return (await ReloadAsync(code, ct), false);
    }

    public async Task<Carrier?> ReloadAsync(string code, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return Remember(code, await scope.ServiceProvider.GetRequiredService<SlaDbContext>().Carriers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct));
    }

    /// <summary>The carrier's own webhook requests per second, if it sets one; synchronous because the rate limiter asks synchronously.</summary>
    public int? RequestsPerSecond(string code)
    {
        var carrier = _carriers.TryGetValue(code, out var entry) && entry.Until > clock.GetCurrentInstant() ? entry.Carrier : Read(code);
        return carrier?.RequestsPerSecond;
    }

    public void Forget(string code) => _carriers.TryRemove(code, out _);

    private Carrier? Read(string code)
    {
        using var scope = scopes.CreateScope();
        return Remember(code, scope.ServiceProvider.GetRequiredService<SlaDbContext>().Carriers.AsNoTracking().FirstOrDefault(c => c.Code == code));
    }

    private Carrier? Remember(string code, Carrier? carrier)
    {
        _carriers[code] = (carrier, clock.GetCurrentInstant() + CacheFor);
        return carrier;
    }
}
