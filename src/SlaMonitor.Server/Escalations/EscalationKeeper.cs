using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Notifications;
using SlaMonitor.Server.Scheduling;

namespace SlaMonitor.Server.Escalations;

/// <summary>
/// Called after a promise is re-evaluated: opens an escalation when it turns AT_RISK or BREACHED (at most
/// one unresolved per promise, enforced by the unique <see cref="Escalation.OpenKey"/>), resolves it when the
/// promise recovers or closes, and keeps its promise status current in between.
/// </summary>
public sealed class EscalationKeeper(
    SlaDbContext db, IPublishEndpoint publisher, AlertNotifier notifier, WakeupSignal wakeups,
    IOptions<EscalationOptions> options, SlaMetrics metrics, ILogger<EscalationKeeper> logger)
{
    public async Task Track(Promise promise, PromiseStatus status, SlaPolicy policy, string region, string? latestReason, Instant now, CancellationToken ct)
    {
        var open = await db.Escalations.FirstOrDefaultAsync(e => e.OpenKey == promise.TicketRef, ct);
        if (open is not null)
        {
            await Update(open, promise, status, now, ct);
        }
        else if (EscalationRules.Opens(status))
        {
            await Open(promise, policy, region, latestReason, now, ct);
        }
    }

    private async Task Update(Escalation open, Promise promise, PromiseStatus status, Instant now, CancellationToken ct)
    {
        if (EscalationRules.Outcome(status) is { } outcome)
        {
            Resolve(open, outcome, now);
            await SaveOrForget(ct);
            metrics.Resolved(open, promise.Status);
            await publisher.Publish(EscalationMessages.Changed(open, "resolved", null, now), ct);
            return;
        }

        if (open.PromiseStatus == promise.Status && open.ReasonsJson == promise.ReasonsJson)
        {
            return;
        }

        open.PromiseStatus = promise.Status;
        open.ReasonsJson = promise.ReasonsJson;
        open.Deadline = promise.Deadline;
        open.UpdatedAt = now.ToDateTimeUtc();
        open.Revision++;
        if (await SaveOrForget(ct))
        {
            await publisher.Publish(EscalationMessages.Changed(open, "status", null, now), ct);
        }
    }

    public static void Resolve(Escalation escalation, string outcome, Instant now)
    {
        escalation.State = EscalationStates.Resolved;
        escalation.OpenKey = null;
        escalation.Outcome = outcome;
        escalation.ResolvedAt = now.ToDateTimeUtc();
        escalation.NextNotifyAt = null;
        escalation.WakeupClaim = null;
        escalation.UpdatedAt = now.ToDateTimeUtc();
        escalation.Revision++;
    }

    private async Task Open(Promise promise, SlaPolicy policy, string region, string? latestReason, Instant now, CancellationToken ct)
    {
        var settings = options.Value;
        var decision = EscalationRules.Open(policy.EscalationLadder, now, Backoff(settings));
        var reasonKey = IncidentGrouping.ReasonCategory(latestReason, promise.Stage, promise.Status);
        var incident = await JoinIncident(promise.CarrierCode, region, reasonKey, now, settings, ct);
        var escalation = new Escalation
        {
            Id = Guid.CreateVersion7(),
            TicketRef = promise.TicketRef,
            OpenKey = promise.TicketRef,
            CustomerCode = promise.CustomerCode,
            SiteCode = promise.SiteCode,
            CarrierCode = promise.CarrierCode,
            Region = region,
            ReasonKey = reasonKey,
            ReasonsJson = promise.ReasonsJson,
            PromiseStatus = promise.Status,
            Deadline = promise.Deadline,
            Level = decision.Level,
            State = EscalationStates.Open,
            OpenedAt = now.ToDateTimeUtc(),
            NextNotifyAt = decision.NextWakeAt?.ToDateTimeUtc(),
            LastNotifiedAt = now.ToDateTimeUtc(),
            NotifyAttempts = 1,
            ServiceLevel = promise.ServiceLevel,
            PolicyVersion = promise.PolicyVersion,
            IncidentId = incident.Id,
            UpdatedAt = now.ToDateTimeUtc(),
        };
        db.Escalations.Add(escalation);
        if (!await SaveOrForget(ct))
        {
            logger.LogDebug("Promise {TicketRef} already has an open escalation (opened concurrently)", promise.TicketRef);
            return;
        }

        await db.Incidents.Where(i => i.Id == incident.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.MemberCount, i => i.MemberCount + 1), ct);
        wakeups.Arm(decision.NextWakeAt);
        metrics.Opened(escalation);
        await publisher.Publish(EscalationMessages.Opened(escalation, decision.Notify!), ct);
        await notifier.Notify(escalation, decision.Notify!, now, ct);
    }

    private async Task<Incident> JoinIncident(string? carrier, string region, string reasonKey, Instant now, EscalationOptions settings, CancellationToken ct)
    {
        var key = IncidentGrouping.Key(carrier, region, reasonKey);
        var nowUtc = now.ToDateTimeUtc();
        var candidates = await db.Incidents.AsNoTracking().Where(i => i.GroupKey == key && i.WindowEndsAt > nowUtc).ToListAsync(ct);
        var window = Duration.FromTimeSpan(settings.GroupingWindow);
        if (IncidentGrouping.Find(candidates, i => i.GroupKey, i => Instant.FromDateTimeUtc(i.OpenedAt), key, window, now) is { } existing)
        {
            return existing;
        }

        var incident = new Incident
        {
            Id = Guid.CreateVersion7(),
            GroupKey = key,
            CarrierCode = carrier,
            Region = region,
            ReasonKey = reasonKey,
            OpenedAt = nowUtc,
            WindowEndsAt = (now + window).ToDateTimeUtc(),
        };
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(ct);
        db.Entry(incident).State = EntityState.Detached;
        return incident;
    }

    /// <summary>Saves; a lost race (unique open escalation, concurrency token) is dropped: the winner's answer stands.</summary>
    private async Task<bool> SaveOrForget(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static EscalationBackoff Backoff(EscalationOptions settings) =>
        new(Duration.FromTimeSpan(settings.RenotifyFirst), Duration.FromTimeSpan(settings.RenotifyCap));
}
