using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// Delivers the alerts escalations queue, off the ingest path: claims due rows (one UPDATE that stamps a claim token
/// and a lease, so of several workers one wins and a dead one's claim comes due again), sends each destination's
/// alerts one after another and different destinations side by side, so a slow or dead customer endpoint delays only
/// its own. A failed try is retried with doubling back-off, then given up as failed; every try is in the delivery log.
/// </summary>
public sealed partial class AlertDispatcher(
    IServiceScopeFactory scopes, IClock clock, IOptions<AlertDeliveryOptions> options, ILogger<AlertDispatcher> logger)
    : BackgroundService, IEscalationAlerts
{
    private readonly SemaphoreSlim _queued = new(0, 1);
    private readonly Dictionary<string, Task> _sending = new(StringComparer.Ordinal);

    public void Queued()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already rung.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var done in _sending.Where(s => s.Value.IsCompleted).Select(s => s.Key).ToList())
                {
                    _sending.Remove(done);
                }

                if (_sending.Count >= settings.Parallelism)
                {
                    await Task.WhenAny(_sending.Values);
                    continue;
                }

                var claimed = await ClaimAsync(settings.Parallelism - _sending.Count, stoppingToken);
                foreach (var destination in claimed.GroupBy(a => a.Destination, StringComparer.Ordinal))
                {
                    _sending[destination.Key] = SendAllAsync(destination.ToList(), stoppingToken);
                }

                if (claimed.Count == 0)
                {
                    await _queued.WaitAsync(settings.PollEvery, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Alert dispatch failed; retrying");
                await Task.Delay(settings.PollEvery, CancellationToken.None);
            }
        }

        // Cancelled with the host: each hands its alert back before it ends.
        await Task.WhenAll(_sending.Values);
    }

    /// <summary>Due alerts of destinations not being served now, at most <paramref name="destinations"/> destinations' worth.</summary>
    private async Task<List<Alert>> ClaimAsync(int destinations, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var now = clock.GetCurrentInstant();
        var nowUtc = now.ToDateTimeUtc();
        var busy = _sending.Keys.ToList();
        // An escalation's alerts leave in the order they were made: a newer one waits while an older one is unsent
        // (retrying or in flight), else after an outage a re-notification could arrive before the first alert. Not
        // behind a silenced one: that is dropped for the newer one when its window ends (HoldAsync).
        var due = await db.Alerts.AsNoTracking()
            .Where(a => (a.State == AlertStates.Pending || a.State == AlertStates.Sending) && a.NextAttemptAt <= nowUtc && !busy.Contains(a.Destination))
            .Where(a => !db.Alerts.Any(o => o.EscalationId == a.EscalationId && o.CreatedAt < a.CreatedAt && o.SilenceId == null
                && (o.State == AlertStates.Pending || o.State == AlertStates.Sending)))
            .OrderBy(a => a.NextAttemptAt).Take(100).Select(a => new { a.Id, a.Destination }).ToListAsync(ct);
        var ids = due.Where(a => due.Select(d => d.Destination).Distinct().Take(destinations).Contains(a.Destination)).Select(a => a.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid();
        var lease = (now + Duration.FromTimeSpan(options.Value.Lease)).ToDateTimeUtc();
        // Claimed rows stay pending until their send begins. A row still 'sending' once its lease has passed was cut off
        // mid-try by a worker that died: that try counts, so the next one is a retry, which the incident's inhibition
        // does not silence (the cut-off try may have claimed the incident and died before its email left).
        await db.Alerts.Where(a => ids.Contains(a.Id) && a.NextAttemptAt <= nowUtc && (a.State == AlertStates.Pending || a.State == AlertStates.Sending))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Attempts, a => a.State == AlertStates.Sending ? a.Attempts + 1 : a.Attempts)
                .SetProperty(a => a.State, AlertStates.Pending).SetProperty(a => a.NextAttemptAt, lease).SetProperty(a => a.Claim, token), ct);
        return await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Claim == token).OrderBy(a => a.CreatedAt).ToListAsync(ct);
    }

    private async Task SendAllAsync(List<Alert> alerts, CancellationToken ct)
    {
        await Task.Yield();
        foreach (var alert in alerts)
        {
            await SendAsync(alert, ct);
        }

        Queued();
    }

    private async Task SendAsync(Alert alert, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
            // The claim is renewed just before the send: an alert whose lease ran out while it waited its turn is
            // another worker's now, and sending it here as well would tell people twice. From here on it is 'sending':
            // a try begun, which counts even if this worker dies or stops before recording it.
            var now = clock.GetCurrentInstant();
            var lease = (now + Duration.FromTimeSpan(options.Value.Lease)).ToDateTimeUtc();
            if (await db.Alerts.Where(a => a.Id == alert.Id && a.Claim == alert.Claim && a.State == AlertStates.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AlertStates.Sending).SetProperty(a => a.NextAttemptAt, lease), ct) == 0)
            {
                return;
            }

            var escalation = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == alert.EscalationId, ct);
            if (escalation is not null && await HoldAsync(db, alert, escalation, ct))
            {
                return;
            }

            string? failure;
            try
            {
                failure = alert.Notify == ComposedEmails.Notify
                    ? await ComposedEmails.SendAsync(db, scope.ServiceProvider.GetRequiredService<EmailSender>(), alert, clock.GetCurrentInstant(), ct)
                    : escalation is null ? null : await scope.ServiceProvider.GetRequiredService<AlertNotifier>().Deliver(alert, escalation, clock.GetCurrentInstant(), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure = e.Message;
            }

            await RecordAsync(db, alert, failure, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await HandBackAsync(alert);
        }
        catch (Exception e)
        {
            // Left claimed: it comes due again once the lease has passed.
            logger.LogError(e, "Alert {Id} could not be delivered or recorded", alert.Id);
        }
    }

    private async Task RecordAsync(SlaDbContext db, Alert alert, string? failure, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        var tries = alert.Attempts + 1;
        var state = failure is null ? AlertStates.Sent : tries >= settings.MaxAttempts ? AlertStates.Failed : AlertStates.Pending;
        var next = state == AlertStates.Pending ? now + settings.RetryAfter(tries) : now;
        var error = failure is { Length: > 2000 } ? failure[..2000] : failure;
        await db.Alerts.Where(a => a.Id == alert.Id && a.Claim == alert.Claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.State, state).SetProperty(a => a.Attempts, tries).SetProperty(a => a.NextAttemptAt, next)
                .SetProperty(a => a.LastError, error).SetProperty(a => a.Claim, (Guid?)null)
                .SetProperty(a => a.SentAt, failure is null ? now : null), ct);
        if (failure is not null)
        {
            LogFailure(logger, alert.Id, alert.EscalationId, tries, state, failure);
        }

        await MarkEscalationAsync(db, alert, state == AlertStates.Pending ? AlertStates.Retrying : state, ct);
    }

    /// <summary>
    /// Decided at delivery, so a silence made after the alert was queued mutes it too. An alert muted before is, once
    /// the window is over, sent only if its escalation is still unresolved and no later alert of it tells instead
    /// (a silence over a climb and a re-notification tells once); else it is dropped. True when handled here.
    /// </summary>
    private async Task<bool> HoldAsync(SlaDbContext db, Alert alert, Escalation escalation, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (alert.SilenceId is not null)
        {
            var reason = escalation.State == EscalationStates.Resolved ? "not sent: resolved during the silence"
                : await db.Alerts.AnyAsync(a => a.EscalationId == alert.EscalationId && a.Id != alert.Id && a.CreatedAt > alert.CreatedAt, ct)
                    ? "not sent: a later alert of the escalation tells instead"
                    : null;
            if (reason is not null)
            {
                await FinishHeldAsync(db, alert, escalation, AlertStates.Dropped, now.ToDateTimeUtc(), null, reason, now, ct);
                return true;
            }
        }

        if (ActiveSilences.For(await ActiveSilences.ReadAsync(db, now, ct), escalation) is not { } silence)
        {
            return false;
        }

        await FinishHeldAsync(db, alert, escalation, AlertStates.Pending, silence.Until, silence.Id,
            $"silence {silence.Id}: {silence.Reason} (until {new DateTimeOffset(silence.Until, TimeSpan.Zero):O})", now, ct);
        LogSilenced(logger, alert.Id, alert.EscalationId, silence.Id);
        return true;
    }

    /// <summary>A muted alert waits for its silence's end (not a failed try); a dropped one is done. Both are in the delivery log.</summary>
    private async Task FinishHeldAsync(
        SlaDbContext db, Alert alert, Escalation escalation, string state, DateTime next, Guid? silenceId, string detail, Instant now, CancellationToken ct)
    {
        var updated = await db.Alerts.Where(a => a.Id == alert.Id && a.Claim == alert.Claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.State, state).SetProperty(a => a.NextAttemptAt, next).SetProperty(a => a.Claim, (Guid?)null)
                .SetProperty(a => a.SilenceId, a => silenceId ?? a.SilenceId).SetProperty(a => a.LastError, state == AlertStates.Dropped ? detail : null), ct);
        if (updated == 0)
        {
            return;
        }

        db.NotificationDeliveries.Add(new NotificationDelivery
        {
            EscalationId = escalation.Id,
            IncidentId = escalation.IncidentId,
            Channel = "alert",
            Target = $"{alert.Notify} of {alert.Destination}",
            Attempt = alert.Attempts,
            Result = state == AlertStates.Dropped ? AlertStates.Dropped : AlertStates.Silenced,
            Detail = detail.Length > 2000 ? detail[..2000] : detail,
            At = now.ToDateTimeUtc(),
        });
        await db.SaveChangesAsync(ct);
        await MarkEscalationAsync(db, alert, state == AlertStates.Dropped ? AlertStates.Dropped : AlertStates.Silenced, ct);
    }

    /// <summary>The escalation shows its latest alert's state (the board: "alert not delivered"); a concurrent change is read again.</summary>
    private async Task MarkEscalationAsync(SlaDbContext db, Alert alert, string state, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            db.ChangeTracker.Clear();
            var escalation = await db.Escalations.FirstOrDefaultAsync(e => e.Id == alert.EscalationId, ct);
            if (escalation is null || EscalationTransitions.AlertTried(escalation, alert.Id, state, clock.GetCurrentInstant()) is null)
            {
                return;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (its promise, a person): read it again.
            }
        }
    }

    /// <summary>
    /// Stopping mid-send: the alert is due again at once (for another worker or the next start), not after the lease.
    /// A try already begun counts, so the next one is a retry and is not inhibited by the incident this try may have claimed.
    /// </summary>
    private async Task HandBackAsync(Alert alert)
    {
        try
        {
            using var quickly = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var scope = scopes.CreateAsyncScope();
            var nowUtc = clock.GetCurrentInstant().ToDateTimeUtc();
            await scope.ServiceProvider.GetRequiredService<SlaDbContext>().Alerts.Where(a => a.Id == alert.Id && a.Claim == alert.Claim)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Attempts, a => a.State == AlertStates.Sending ? a.Attempts + 1 : a.Attempts)
                    .SetProperty(a => a.State, AlertStates.Pending).SetProperty(a => a.NextAttemptAt, nowUtc).SetProperty(a => a.Claim, (Guid?)null), quickly.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Alert {Id} stays claimed until its lease passes", alert.Id);
        }
    }

    public override void Dispose()
    {
        _queued.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Id} of escalation {EscalationId} muted by silence {SilenceId}")]
    private static partial void LogSilenced(ILogger logger, Guid id, Guid escalationId, Guid silenceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Id} of escalation {EscalationId}: try {Try} failed ({State}): {Failure}")]
    private static partial void LogFailure(ILogger logger, Guid id, Guid escalationId, int @try, string state, string failure);
}
