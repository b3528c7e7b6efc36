using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Api;
using SlaMonitor.Server.Webhooks;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// Loads a promise's events, asks the engine for its evaluation and stores it: the state is a
/// function of the set of events, so arrival order and redelivery do not matter. Events that
/// arrive before their OPENED event stay stored and are applied once it arrives.
/// </summary>
public sealed class PromiseProjector(SlaDbContext db, IPublishEndpoint publisher, LaneStatisticsStore lanes, ILogger<PromiseProjector> logger)
{
    public async Task Refresh(string ticketRef, Instant now, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking().Where(e => e.TicketRef == ticketRef).ToListAsync(ct);
        events.Sort(TimelineOrder.Compare);
        var opened = PromiseFolding.Opened(events);
        if (opened is null)
        {
            return;
        }

        var promise = await db.Promises.FirstOrDefaultAsync(p => p.TicketRef == ticketRef, ct);
        var serviceLevel = promise?.ServiceLevel ?? opened.OpenedServiceLevel!;
        var policy = promise is null
            ? await PoliciesApi.Latest(db, serviceLevel, ct)
            : await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.ServiceLevel == serviceLevel && p.Version == promise.PolicyVersion, ct);
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == (promise == null ? opened.OpenedSite : promise.SiteCode), ct);
        if (policy is null || site is null)
        {
            logger.LogWarning("Promise {TicketRef} cannot be judged: policy {ServiceLevel} or site {Site} is not configured", ticketRef, serviceLevel, opened.OpenedSite);
            return;
        }

        var state = PromiseFolding.Fold(opened, events, policy, site);
        var evaluation = SlaEvaluator.Evaluate(state, now, lanes.Current);
        var status = EngineInputs.Status(evaluation.Status);
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
            db.Promises.Add(promise);
        }
        else
        {
            promise.Revision++;
        }

        Apply(promise, status, evaluation, state, events, now);
        await db.SaveChangesAsync(ct);
        if (previousStatus != promise.Status)
        {
            await publisher.Publish(new PromiseStatusChanged
            {
                TicketRef = ticketRef,
                Status = promise.Status,
                PreviousStatus = previousStatus,
                Deadline = evaluation.Deadline.ToDateTimeOffset(),
                ChangedAt = now.ToDateTimeOffset(),
            }, ct);
        }
    }

    private static void Apply(Promise promise, string status, Evaluation evaluation, PromiseState state, List<StoredEvent> events, Instant now)
    {
        var paused = evaluation.PausedTime;
        promise.Status = status;
        promise.OpenedAt = state.OpenedAt.ToDateTimeUtc();
        promise.Deadline = evaluation.Deadline.ToDateTimeUtc();
        promise.ClosedAt = state.ClosedAt?.ToDateTimeUtc();
        promise.NextEvaluationAt = evaluation.NextChangeAt?.ToDateTimeUtc();
        promise.PredictedCompletion = evaluation.PredictedCompletion?.ToDateTimeUtc();
        promise.ProbabilityLate = state.IsClosed ? null : Math.Round(evaluation.ProbabilityLate, 3);
        promise.PausedSeconds = (long)paused.Total.TotalSeconds;
        promise.PausedByBlameJson = AdminJson.Serialize(new PausedByBlame(
            (long)paused.Customer.TotalSeconds, (long)paused.Customs.TotalSeconds, (long)paused.Carrier.TotalSeconds,
            (long)paused.Weather.TotalSeconds, (long)paused.Other.TotalSeconds));
        promise.Stage = EngineInputs.Stage(state.Stage);
        promise.ReasonsJson = AdminJson.Serialize(evaluation.Reasons);
        promise.CarrierCode = events.LastOrDefault(e => e.Kind != EventCodes.Repair)?.CarrierCode ?? events[^1].CarrierCode;
        promise.UpdatedAt = now.ToDateTimeUtc();
    }
}
