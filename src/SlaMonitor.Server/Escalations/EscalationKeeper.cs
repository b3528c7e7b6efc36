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
    SlaDbContext db, IEscalationAlerts notifier, WakeupSignal wakeups, OutboxSignal outbox,
    IOptions<EscalationOptions> options, SlaMetrics metrics, ILogger<EscalationKeeper> logger)
{
    private const int KeysPerQuery = 1000;

    public async Task TrackMany(IReadOnlyList<Judged> judged, Instant now, CancellationToken ct)
    {
        var open = await OpenEscalations(judged.Select(j => j.Promise.TicketRef).ToList(), ct);
        var changed = new List<(Judged Judged, Escalation Escalation, EscalationTransition Transition)>();
        var opening = new List<Judged>();
        foreach (var one in judged)
        {
            if (open.TryGetValue(one.Promise.TicketRef, out var escalation))
            {
                if (EscalationTransitions.Follow(escalation, one.Promise, one.Evaluation.Status, now) is { } change)
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
            await SaveChanged(EscalationTransitions.Follow(open, one.Promise, one.Evaluation.Status, now) is { } change ? [(one, open, change)] : [], now, ct, fallBack: false);
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

    private async Task SaveChanged(List<(Judged Judged, Escalation Escalation, EscalationTransition Transition)> changed, Instant now, CancellationToken ct, bool fallBack = true)
    {
        if (changed.Count == 0)
        {
            return;
        }

        db.Outbox.AddRange(changed.Where(c => c.Transition.IsAnnounced).Select(c => OutboxRows.Of(c.Transition.Message(c.Escalation, now), now)));
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

        foreach (var (one, escalation, _) in changed.Where(c => c.Transition.Change == EscalationChange.Resolved))
        {
            metrics.Resolved(escalation, one.Promise.Status);
        }

        outbox.Ring();
    }

    private async Task OpenMany(List<Judged> opening, Instant now, CancellationToken ct, bool fallBack = true)
    {
        opening = await Current(opening, ct);
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
                return (EscalationTransitions.Open(one.Promise, one.Region, group.Key.Reason, decision, incident.Id, now), decision);
            }));
        }

        var alerts = opened.Select(o => AlertRows.For(o.Escalation, o.Decision.Notify, now)).OfType<Alert>().ToList();
        try
        {
            var announced = opened.Select(o => OutboxRows.Of(EscalationMessages.Opened(o.Escalation, o.Decision.Notify!), now)).ToList();
            await BulkInsert.AllOrNoneAsync(db, opened.Select(o => o.Escalation).ToList(), alerts, announced, ct);
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
        outbox.Ring();
        foreach (var (escalation, _) in opened)
        {
            metrics.Opened(escalation);
        }

        if (alerts.Count > 0)
        {
            notifier.Queued();
        }
    }

    /// <summary>
    /// The promises still at the revision they were judged on: one re-derived again meanwhile (by an event, a wake-up
    /// or a correction) is kept by that newer re-derivation, which may have found it recovered or closed.
    /// </summary>
    private async Task<List<Judged>> Current(List<Judged> opening, CancellationToken ct)
    {
        var revisions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in opening.Select(o => o.Promise.TicketRef).Chunk(KeysPerQuery))
        {
            var keys = chunk.ToList();
            foreach (var row in await db.Promises.AsNoTracking().Where(p => keys.Contains(p.TicketRef)).Select(p => new { p.TicketRef, p.Revision }).ToListAsync(ct))
            {
                revisions[row.TicketRef] = row.Revision;
            }
        }

        return opening.Where(o => !revisions.TryGetValue(o.Promise.TicketRef, out var stored) || stored <= o.Promise.Revision).ToList();
    }

    private static string ReasonKey(Judged one) => IncidentGrouping.ReasonCategory(one.LatestReason, one.Promise.Stage, one.Promise.Status);

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
