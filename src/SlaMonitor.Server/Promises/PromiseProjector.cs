using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// Loads a promise's events, asks the engine for its evaluation and stores it: the state is a
/// function of the set of events, so arrival order and redelivery do not matter. Events that
/// arrive before their OPENED event stay stored and are applied once it arrives.
/// </summary>
public sealed class PromiseProjector(
    SlaDbContext db, LaneStatisticsStore lanes, PolicyVersionCache policyVersions, EscalationKeeper escalations, WakeupSignal wakeups, OutboxSignal outbox,
    ILogger<PromiseProjector> logger)
{
    public Task Refresh(string ticketRef, Instant now, CancellationToken ct) => RefreshMany([ticketRef], now, ct);

    /// <summary>
    /// Re-derives every listed promise: their events in one query, the promises in another, one save
    /// for all, then the status changes published and the escalations kept, all in a few round trips.
    /// </summary>
    public async Task RefreshMany(IReadOnlyCollection<string> ticketRefs, Instant now, CancellationToken ct)
    {
        var eventsByTicket = await PromiseEvents.LoadManyAsync(db, ticketRefs, ct);
        var refused = UngrantedEvents.Separate(eventsByTicket, await UngrantedEvents.GrantsAsync(db, eventsByTicket.Values.SelectMany(e => e), ct));
        if (refused.Count > 0)
        {
            await UngrantedEvents.MarkAsync(db, refused, now, ct);
        }

        var tickets = eventsByTicket.Where(t => PromiseFolding.Opened(t.Value) is not null).Select(t => t.Key).ToList();
        if (tickets.Count == 0)
        {
            return;
        }

        var promises = new Dictionary<string, Promise>(StringComparer.Ordinal);
        foreach (var chunk in tickets.Chunk(1000))
        {
            var refs = chunk.ToList();
            foreach (var promise in await db.Promises.Where(p => refs.Contains(p.TicketRef)).ToListAsync(ct))
            {
                promises[promise.TicketRef] = promise;
            }

            // Their closed-promise rows, tracked, for ClosedPromiseRows.Keep to rewrite or remove.
            await db.ClosedPromises.Where(c => refs.Contains(c.TicketRef)).LoadAsync(ct);
        }

        // After the promises: a correction is saved with a new revision of its promise, so a promise read after it
        // comes with it here, and a save based on a promise read before it loses on the revision and is retried.
        var correctionsByTicket = await PromiseCorrections.LoadManyAsync(db, tickets, ct);
        var configuration = new JudgingConfiguration(db, policyVersions);
        var judged = new List<Judged>(tickets.Count);
        foreach (var ticketRef in tickets)
        {
            var corrections = correctionsByTicket.GetValueOrDefault(ticketRef) ?? [];
            if (await Judge(ticketRef, eventsByTicket[ticketRef], corrections, promises.GetValueOrDefault(ticketRef), configuration, now, ct) is { } one)
            {
                judged.Add(one);
            }
        }

        // The status changes are saved with the promises and published after the commit (the outbox).
        var changes = judged.Where(j => j.PreviousStatus != j.Promise.Status).Select(j => OutboxRows.Of(StatusChanged(j, now), now)).ToList();
        db.Outbox.AddRange(changes);
        db.Promises.AddRange(judged.Where(j => j.PreviousStatus is null).Select(j => j.Promise));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.Entries.Any(x => x.Entity is ClosedPromise && x.State == EntityState.Added))
        {
            // Another writer closed one of these promises meanwhile and saved its closed row first: the same lost race as
            // a stale revision, so callers redo it as they redo any conflict (one by one, or not at all for a wake-up).
            throw new DbUpdateConcurrencyException("Another writer closed a promise of this save meanwhile.", e);
        }
        if (changes.Count > 0)
        {
            outbox.Ring();
        }

        wakeups.Arm(judged.Select(j => j.Evaluation.NextRefreshAt).Min());
        await escalations.TrackMany(judged, now, ct);
    }

    private async Task<Judged?> Judge(
        string ticketRef, List<StoredEvent> events, List<StoredCorrection> corrections, Promise? promise, JudgingConfiguration configuration, Instant now,
        CancellationToken ct)
    {
        var opened = PromiseFolding.Opened(events)!;
        var serviceLevel = promise?.ServiceLevel ?? opened.OpenedServiceLevel!;
        var policy = await configuration.PolicyAsync(serviceLevel, promise?.PolicyVersion, ct);
        var site = await configuration.SiteAsync(promise?.SiteCode ?? opened.OpenedSite!, ct);
        if (policy is null || site is null)
        {
            logger.LogWarning("Promise {TicketRef} cannot be judged: policy {ServiceLevel} or site {Site} is not configured", ticketRef, serviceLevel, opened.OpenedSite);
            return null;
        }

        var state = PromiseFolding.Fold(opened, events, policy, site, corrections);
        var evaluation = SlaEvaluator.Evaluate(state, now, lanes.Current);
        var status = EngineRows.Status(evaluation.Status);
        var previousStatus = promise?.Status;
        if (promise is null)
        {
            promise = new Promise
            {
                TicketRef = ticketRef,
                CustomerCode = opened.OpenedCustomer!,
                SiteCode = site.Code,
                ServiceLevel = serviceLevel,
                PolicyVersion = policy.Version,
                Status = status,
                ReasonsJson = "[]",
            };
        }
        else
        {
            promise.Revision++;
        }

        Apply(promise, status, evaluation, state, PromiseFolding.Applied(events, corrections), now);
        ClosedPromiseRows.Keep(db, promise, site.Region);
        return new Judged(promise, previousStatus, evaluation, state, site.Region, events.LastOrDefault(e => e.Reason is not null)?.Reason);
    }

    private static PromiseStatusChanged StatusChanged(Judged one, Instant now) => new()
    {
        TicketRef = one.Promise.TicketRef,
        Status = one.Promise.Status,
        PreviousStatus = one.PreviousStatus,
        Deadline = one.Evaluation.Deadline.ToDateTimeOffset(),
        ChangedAt = now.ToDateTimeOffset(),
    };

    private static void Apply(Promise promise, string status, Evaluation evaluation, PromiseState state, IReadOnlyList<StoredEvent> events, Instant now)
    {
        var paused = evaluation.PausedTime;
        promise.Status = status;
        promise.OpenedAt = state.OpenedAt.ToDateTimeUtc();
        promise.Deadline = evaluation.Deadline.ToDateTimeUtc();
        promise.PromisedBy = state.IsDeadlinePromised ? state.UnpausedDeadline.ToDateTimeUtc() : null;
        promise.ClosedAt = state.ClosedAt?.ToDateTimeUtc();
        promise.NextEvaluationAt = evaluation.NextRefreshAt?.ToDateTimeUtc();
        promise.PredictedCompletion = evaluation.PredictedCompletion?.ToDateTimeUtc();
        promise.ProbabilityLate = state.IsClosed ? null : Math.Round(evaluation.ProbabilityLate, 3);
        promise.EstimateSource = evaluation.EstimateSource?.ToString() is { } source ? source[..Math.Min(source.Length, 300)] : null;
        promise.PausedSeconds = (long)paused.Total.TotalSeconds;
        promise.PausedByBlameJson = AdminJson.Serialize(new PausedByBlame(
            (long)paused.Customer.TotalSeconds, (long)paused.Customs.TotalSeconds, (long)paused.Carrier.TotalSeconds,
            (long)paused.Weather.TotalSeconds, (long)paused.Other.TotalSeconds));
        promise.LostCustomerSeconds = (long)paused.Customer.TotalSeconds;
        promise.LostCustomsSeconds = (long)paused.Customs.TotalSeconds;
        promise.LostCarrierSeconds = (long)paused.Carrier.TotalSeconds;
        promise.LostWeatherSeconds = (long)paused.Weather.TotalSeconds;
        promise.LostOtherSeconds = (long)paused.Other.TotalSeconds;
        promise.MarginSeconds = status is PromiseStatuses.Met or PromiseStatuses.Missed && state.ClosedAt is { } closedAt
            ? evaluation.Deadline.ToInstant().ToUnixTimeSeconds() - closedAt.ToUnixTimeSeconds()
            : null;
        promise.Stage = EngineRows.Stage(state.Stage);
        promise.ReasonsJson = AdminJson.Serialize(evaluation.Reasons);
        promise.CarrierCode = EngineRows.CarrierOf(events);
        promise.UpdatedAt = now.ToDateTimeUtc();
    }
}
