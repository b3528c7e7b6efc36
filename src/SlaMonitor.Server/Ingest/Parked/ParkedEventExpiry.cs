using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Parked;

/// <summary>Marks parked events older than Ingest:ParkedEventMaxAge as expired; running it twice changes nothing more.</summary>
public sealed class ParkedEventExpiry(SlaDbContext db, IngestOptions options, ILogger<ParkedEventExpiry> logger) : IRecurringWork
{
    Task IRecurringWork.RunAsync(Instant now, CancellationToken ct) => ExpireAsync(now, ct);

    public async Task<int> ExpireAsync(Instant now, CancellationToken ct)
    {
        var cutoff = (now - Duration.FromTimeSpan(options.ParkedEventMaxAge)).ToDateTimeUtc();
        var expiredAt = now.ToDateTimeUtc();
        var count = await ParkedEvents.Waiting(db)
            .Where(e => e.ReceivedAt < cutoff)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ParkedExpiredAt, expiredAt), ct);
        if (count > 0)
        {
            logger.LogWarning("Expired {Count} parked events received before {Cutoff:o}: no promise appeared for them", count, cutoff);
        }

        return count;
    }
}
