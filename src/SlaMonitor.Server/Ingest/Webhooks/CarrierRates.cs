using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>
/// Each carrier's webhook rate (its own <c>requestsPerSecond</c> or <c>Webhooks:DefaultRequestsPerSecond</c>), taken
/// only by requests whose signature verified: nobody without the carrier's secret can use up its quota.
/// </summary>
public sealed class CarrierRates(IOptions<WebhookOptions> options) : IDisposable
{
    /// <summary>More carriers than any installation configures; past it, carriers would share one bucket.</summary>
    private const int MaxCarriers = 10_000;

    private readonly TokenBuckets _carriers = new(MaxCarriers, PerSecond(options.Value.DefaultRequestsPerSecond));

    /// <summary>How many carriers hold a bucket.</summary>
    public int Count => _carriers.Count;

    /// <summary>Null when the carrier is within its rate, else how long until it is.</summary>
    public TimeSpan? Take(Carrier carrier)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        var rate = carrier.RequestsPerSecond ?? options.Value.DefaultRequestsPerSecond;
        // The rate is part of the key, so a changed rate starts a fresh bucket.
        using var lease = _carriers.Acquire($"{carrier.Code}/{rate}", () => PerSecond(rate));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _carriers.Dispose();

    private static TokenBucketRateLimiterOptions PerSecond(int rate) => new()
    {
        TokenLimit = rate,
        TokensPerPeriod = rate,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
    };
}
