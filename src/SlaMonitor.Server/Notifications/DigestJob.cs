using NodaTime;
using Quartz;

namespace SlaMonitor.Server.Notifications;

/// <summary>Sends the account managers' digest on Escalations:DigestCron; errors are logged and the next run tries again.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(AlertDigest digest, IClock clock, ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest", "notifications");
    public const string CronKey = "Escalations:DigestCron";
    public const string DefaultCron = "0 0 7 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await digest.SendAsync(clock.GetCurrentInstant(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sending the digest failed; the next run retries");
        }
    }
}
