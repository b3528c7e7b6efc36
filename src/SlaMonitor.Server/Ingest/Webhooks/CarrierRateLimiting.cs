using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SlaMonitor.Server.Definitions;

namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>Per-carrier token buckets on the webhook: over the carrier's rate answers 429 with Retry-After.</summary>
public static class CarrierRateLimiting
{
    public const string Policy = "carrier-webhooks";

    public static void AddCarrierRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<CarrierDirectory>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejected;
            options.AddPolicy(Policy, Partition);
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var carrier = http.Request.RouteValues["carrierCode"] as string ?? "";
        var rate = http.RequestServices.GetRequiredService<CarrierDirectory>().RequestsPerSecond(carrier)
            ?? http.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.DefaultRequestsPerSecond;
        // The rate is part of the key, so a changed rate starts a fresh bucket.
        return RateLimitPartition.GetTokenBucketLimiter($"{carrier}/{rate}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate,
            TokensPerPeriod = rate,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask OnRejected(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"This carrier's webhook rate is exceeded; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext);
    }
}
