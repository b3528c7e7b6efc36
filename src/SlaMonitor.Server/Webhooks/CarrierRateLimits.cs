using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Webhooks;

/// <summary>
/// Each carrier's webhook rate (requests per second), cached for a short while: the rate limiter
/// asks on every request and synchronously, so the database is read at most once per carrier per
/// <see cref="CacheFor"/>. A change made through the admin API applies at once in this process.
/// </summary>
public sealed class CarrierRateLimits(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, IClock clock)
{
    private static readonly Duration CacheFor = Duration.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (int Rate, Instant Until)> _rates = new(StringComparer.Ordinal);

    public int For(string carrierCode)
    {
        var now = clock.GetCurrentInstant();
        if (_rates.TryGetValue(carrierCode, out var cached) && cached.Until > now)
        {
            return cached.Rate;
        }

        using var scope = scopes.CreateScope();
        var configured = scope.ServiceProvider.GetRequiredService<SlaDbContext>().Carriers.AsNoTracking()
            .Where(c => c.Code == carrierCode).Select(c => c.RequestsPerSecond).FirstOrDefault();
        var rate = configured ?? options.Value.DefaultRequestsPerSecond;
        _rates[carrierCode] = (rate, now + CacheFor);
        return rate;
    }

    public void Forget(string carrierCode) => _rates.TryRemove(carrierCode, out _);
}
