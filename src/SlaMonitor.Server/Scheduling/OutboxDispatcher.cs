using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Scheduling;

/// <summary>
/// Publishes the outbox: claims the oldest rows (one UPDATE stamping a claim token and a lease, so of several workers
/// one wins and a dead one's rows come due again), publishes each promise's messages in saving order with the row's
/// MessageId, then deletes them. At least once: a worker dying between publishing and deleting publishes again.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, IClock clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private static readonly Duration Lease = Duration.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A publish on a bus still starting waits inside it while holding its rows' claim: wait for the bus first.
        while (bus is IBusControl control && control.CheckHealth().Status == BusHealthStatus.Unhealthy && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PublishDueAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(PollEvery, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The broker or the database is away: the rows stay and are published when both answer again.
                logger.LogWarning(e, "Publishing the outbox failed; retrying");
                await Task.Delay(PollEvery, CancellationToken.None);
            }
        }
    }

    /// <summary>Publishes one claimed batch; returns how many messages went out.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var now = clock.GetCurrentInstant();
        var nowUtc = now.ToDateTimeUtc();
        var due = await db.Outbox.AsNoTracking().Where(m => m.ClaimedUntil == null || m.ClaimedUntil < nowUtc)
            .OrderBy(m => m.Id).Take(BatchSize).Select(m => m.Id).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var token = Guid.NewGuid();
        var lease = (now + Lease).ToDateTimeUtc();
        await db.Outbox.Where(m => due.Contains(m.Id) && (m.ClaimedUntil == null || m.ClaimedUntil < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, lease).SetProperty(m => m.Claim, token), ct);
        var rows = await db.Outbox.AsNoTracking().Where(m => due.Contains(m.Id) && m.Claim == token).OrderBy(m => m.Id).ToListAsync(ct);
        try
        {
            await Task.WhenAll(rows.GroupBy(m => m.PartitionKey, StringComparer.Ordinal).Select(messages => PublishInOrderAsync(messages, ct)));
        }
        catch
        {
            // Released at once, so the next poll tries again instead of waiting out the lease (kept for a worker that dies).
            await db.Outbox.Where(m => due.Contains(m.Id) && m.Claim == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.Claim, (Guid?)null), CancellationToken.None);
            throw;
        }

        var published = rows.Select(m => m.Id).ToList();
        await db.Outbox.Where(m => published.Contains(m.Id) && m.Claim == token).ExecuteDeleteAsync(ct);
        return rows.Count;
    }

    private async Task PublishInOrderAsync(IEnumerable<OutboxMessage> messages, CancellationToken ct)
    {
        foreach (var row in messages)
        {
            var id = row.MessageId;
            await bus.Publish(OutboxRows.Message(row), OutboxRows.Types[row.Type], Pipe.Execute<PublishContext>(c => c.MessageId = id), ct);
        }
    }
}
