using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;

namespace SlaMonitor.Server.Common;

/// <summary>
/// Token buckets by key (System.Threading.RateLimiting) in a size-limited <see cref="MemoryCache"/>: a bucket idle for
/// <see cref="IdleFor"/> is dropped, and while <c>capacity</c> keys are held every further key shares one overflow
/// bucket, so memory stays bounded whatever keys arrive. The buckets refill when asked, not by a timer each
/// (<see cref="TokenBucketRateLimiterOptions.AutoReplenishment"/> off): a hundred thousand idle buckets cost no timers.
/// </summary>
public sealed class TokenBuckets : IDisposable
{
    public static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(2);

    private readonly MemoryCache _buckets;
    private readonly TokenBucketRateLimiter _overflow;
    private readonly Lock _adding = new();

    public TokenBuckets(int capacity, TokenBucketRateLimiterOptions overflow)
    {
        _buckets = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
        _overflow = new TokenBucketRateLimiter(Refilled(overflow));
    }

    /// <summary>How many keys hold a bucket of their own.</summary>
    public int Count => _buckets.Count;

    /// <summary>Takes <paramref name="permits"/> tokens from the key's bucket, made by <paramref name="options"/> if it has none.</summary>
    public RateLimitLease Acquire(string key, Func<TokenBucketRateLimiterOptions> options, int permits = 1)
    {
        var bucket = Bucket(key, options);
        bucket.TryReplenish();
        return bucket.AttemptAcquire(permits);
    }

    public void Dispose()
    {
        _buckets.Dispose();
        _overflow.Dispose();
    }

    private TokenBucketRateLimiter Bucket(string key, Func<TokenBucketRateLimiterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_buckets.TryGetValue(key, out TokenBucketRateLimiter? bucket))
        {
            return bucket!;
        }

        lock (_adding)
        {
            if (_buckets.TryGetValue(key, out bucket))
            {
                return bucket!;
            }

            // Nothing to dispose when dropped: without a timer, a bucket is only memory.
            _buckets.Set(key, new TokenBucketRateLimiter(Refilled(options())), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleFor });

            // Full, the cache refuses the entry (and compacts in the background).
            return _buckets.TryGetValue(key, out bucket) ? bucket! : _overflow;
        }
    }

    private static TokenBucketRateLimiterOptions Refilled(TokenBucketRateLimiterOptions options) => new()
    {
        TokenLimit = options.TokenLimit,
        TokensPerPeriod = options.TokensPerPeriod,
        ReplenishmentPeriod = options.ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = false,
    };
}
