using System.Data.Common;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Escalations;

/// <summary>
/// Called after promises are re-evaluated: opens an escalation when one turns AT_RISK or BREACHED (at most
/// one unresolved per promise, enforced by the unique <see cref="Escalation.OpenKey"/>), resolves it when the
/// promise recovers or closes, and keeps its promise status current in between. A batch of promises costs one
/// query for their open escalations, one save for the changes, one per incident joined and one for the new
/// escalations; a save that loses a race falls back to promise by promise, where the winner's answer stands.
/// </summary>
public sealed class EscalationKeeper(
    SlaDbContext db, IPublishEndpoint publisher, IEscalationAlerts notifier, WakeupSignal wakeups,
    IOptions<EscalationOptions> options, SlaMetrics metrics, ILogger<EscalationKeeper> logger)
{
    private const int KeysPerQuery = 1000;

    public async Task TrackMany(IReadOnlyList<Judged> judged, Instant now, CancellationToken ct)
    {
        var open = await OpenEscalations(judged.Select(j => j.Promise.TicketRef).ToList(), ct);
        var changed = new List<(Judged Judged, Escalation Escalation, string Change)>();
        var opening = new List<Judged>();
        foreach (var one in judged)
        {
            if (open.TryGetValue(one.Promise.TicketRef, out var escalation))
            {
                if (Follow(escalation, one.Promise, one.Evaluation.Status, now) is { } change)
                {
                    changed.Add((one, escalation, change));
                }
            }
            else if (EscalationRules.Opens(one.Evaluation.Status))
            {
                opening.Add(one);
            }
        }

        await SaveChanged(changed, now, ct);
        await OpenMany(opening, now, ct);
    }

    private async Task Track(Judged one, Instant now, CancellationToken ct)
    {
        var open = await db.Escalations.FirstOrDefaultAsync(e => e.OpenKey == one.Promise.TicketRef, ct);
        if (open is not null)
        {
            await SaveChanged(Follow(open, one.Promise, one.Evaluation.Status, now) is { } change ? [(one, open, change)] : [], now, ct, fallBack: false);
        }
        else if (EscalationRules.Opens(one.Evaluation.Status))
        {
            await OpenMany([one], now, ct, fallBack: false);
        }
    }

    private async Task<Dictionary<string, Escalation>> OpenEscalations(List<string> ticketRefs, CancellationToken ct)
    {
        var open = new Dictionary<string, Escalation>(StringComparer.Ordinal);
        foreach (var chunk in ticketRefs.Chunk(KeysPerQuery))
        {
            var keys = chunk.ToList();
            foreach (var escalation in await db.Escalations.Where(e => keys.Contains(e.OpenKey!)).ToListAsync(ct))
            {
                open[escalation.OpenKey!] = escalation;
            }
        }

        return open;
    }

    /// <summary>Brings an open escalation in line with its promise: "resolved", "status", or null when nothing changed.</summary>
    private static string? Follow(Escalation open, Promise promise, PromiseStatus status, Instant now)
    {
        if (EscalationRules.Outcome(status) is { } outcome)
        {
            Resolve(open, outcome, now);
            return "resolved";
        }

        if (open.PromiseStatus == promise.Status && open.ReasonsJson == promise.ReasonsJson)
        {
            return null;
        }

        open.PromiseStatus = promise.Status;
        open.ReasonsJson = promise.ReasonsJson;
        open.Deadline = promise.Deadline;
        open.UpdatedAt = now.ToDateTimeUtc();
        open.Revision++;
        return "status";
    }

    private async Task SaveChanged(List<(Judged Judged, Escalation Escalation, string Change)> changed, Instant now, CancellationToken ct, bool fallBack = true)
    {
        if (changed.Count == 0)
        {
            return;
        }

        if (!await SaveOrForget(ct))
        {
            if (fallBack)
            {
                foreach (var (one, _, _) in changed)
                {
                    await Track(one, now, ct);
                }
            }

            return;
        }

        foreach (var (one, escalation, change) in changed.Where(c => c.Change == "resolved"))
        {
            metrics.Resolved(escalation, one.Promise.Status);
        }

        await publisher.PublishBatch(changed.Select(c => EscalationMessages.Changed(c.Escalation, c.Change, null, now)), ct);
    }

    private async Task OpenMany(List<Judged> opening, Instant now, CancellationToken ct, bool fallBack = true)
    {
        if (opening.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        var opened = new List<(Escalation Escalation, EscalationDecision Decision)>(opening.Count);
        foreach (var group in opening.GroupBy(one => (one.Promise.CarrierCode, one.Region, Reason: ReasonKey(one))))
        {
            var incident = await JoinIncident(group.Key.CarrierCode, group.Key.Region, group.Key.Reason, now, settings, ct);
            opened.AddRange(group.Select(one =>
            {
                var decision = EscalationRules.Open(one.State.Policy.EscalationLadder, now, settings.Backoff());
                return (New(one.Promise, one.Region, group.Key.Reason, decision, incident.Id, now), decision);
            }));
        }

        try
        {
            await BulkInsert.AllOrNoneAsync(db, opened.Select(o => o.Escalation).ToList(), ct);
        }
        catch (DbException)
        {
            // Another writer opened one of them meanwhile: one by one, each finds its open escalation or opens its own.
            logger.LogDebug("An escalation of {Count} was opened concurrently; opening one by one", opening.Count);
            if (fallBack)
            {
                foreach (var one in opening)
                {
                    await Track(one, now, ct);
                }
            }

            return;
        }

        foreach (var members in opened.GroupBy(o => o.Escalation.IncidentId))
        {
            var count = members.Count();
            await db.Incidents.Where(i => i.Id == members.Key).ExecuteUpdateAsync(s => s.SetProperty(i => i.MemberCount, i => i.MemberCount + count), ct);
        }

        wakeups.Arm(opened.Select(o => o.Decision.NextWakeAt).Min());
        await publisher.PublishBatch(opened.Select(o => EscalationMessages.Opened(o.Escalation, o.Decision.Notify!)), ct);
        foreach (var (escalation, decision) in opened)
        {
            metrics.Opened(escalation);
            await notifier.Notify(escalation, decision.Notify!, now, ct);
        }
    }

    private static string ReasonKey(Judged one) => IncidentGrouping.ReasonCategory(one.LatestReason, one.Promise.Stage, one.Promise.Status);

    private static Escalation New(Promise promise, string region, string reasonKey, EscalationDecision decision, Guid incidentId, Instant now) => new()
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
        IncidentId = incidentId,
        UpdatedAt = now.ToDateTimeUtc(),
    };

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
}
