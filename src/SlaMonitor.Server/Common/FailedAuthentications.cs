using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace SlaMonitor.Server.Common;

/// <summary>
/// Failed authentications per client address: bad webhook signatures and unknown carriers, unknown API keys, failed
/// board sign-ins. Only failures take from an address's allowance, so a sender that authenticates is never limited by
/// its address (a carrier sharing a NAT with an attacker keeps working); an address past its allowance gets 429
/// instead of 401.
/// </summary>
public sealed class FailedAuthentications(IOptions<FailedAuthenticationOptions> options) : IDisposable
{
    private readonly TokenBuckets _addresses = new(options.Value.MaxTrackedAddresses, Bucket(options.Value));

    /// <summary>How many client addresses are tracked.</summary>
    public int TrackedAddresses => _addresses.Count;

    /// <summary>Counts a failure of the request's client; when the address is past its allowance, how long until it has one again.</summary>
    public TimeSpan? Fail(HttpContext context)
    {
        using var lease = _addresses.Acquire(ClientAddress.Of(context), () => Bucket(options.Value));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.RecoveryPeriod;
    }

    /// <summary>The 429 for an address past its allowance, with Retry-After.</summary>
    public static ProblemHttpResult TooMany(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed authentications",
            detail: $"Too many failed authentications from this address; retry after {seconds} s.");
    }

    public void Dispose() => _addresses.Dispose();

    private static TokenBucketRateLimiterOptions Bucket(FailedAuthenticationOptions settings) => new()
    {
        TokenLimit = settings.Burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = settings.RecoveryPeriod,
    };
}
