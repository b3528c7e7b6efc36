using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Audit;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// Corrections by hand (ops and admin), each with a reason: void an event, close, reopen or move a promise's deadline.
/// Each is stored as a correction the fold applies from then on, with its audit entry in the same save; the promise is
/// then re-derived at once (and its escalation follows), or by the next wake-up if that loses a race.
/// </summary>
public static class CorrectionsApi
{
    public static RouteGroupBuilder MapCorrectionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/promises").WithTags("Corrections").RequireAuthorization(Roles.OpsPolicy);
        group.MapPost("/{ticketRef}/events/{eventId}/void", Void).WithName("voidEvent").ProducesProblem(StatusCodes.Status409Conflict).WithSummary(
            "Void an event { reason }: it stays in the timeline marked void and is no longer applied. carrier= names the event's carrier when two carriers used the id.");
        group.MapPost("/{ticketRef}/corrections", Correct).WithName("correctPromise").ProducesProblem(StatusCodes.Status409Conflict).WithSummary(
            "Correct by hand { action: close | reopen | moveDeadline, at? (close: when fulfilled, default now), deadline? (moveDeadline), reason }.");
        return api;
    }

    private static async Task<Results<Ok<PromiseView>, NotFound, ProblemHttpResult>> Void(
        string ticketRef, string eventId, VoidBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, PromiseProjector projector, WakeupSignal wakeups,
        CancellationToken ct, string? carrier = null)
    {
        if (await Visible(db, user, ticketRef, ct) is not { } promise)
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        errors.Required("reason", body.Reason, 2000);
        var events = (await PromiseEvents.LoadAsync(db, ticketRef, ct)).Where(e => e.EventId == eventId && (carrier is null || e.CarrierCode == carrier)).ToList();
        if (events.Count == 0)
        {
            return TypedResults.Problem($"Promise {ticketRef} has no event {eventId}{(carrier is null ? "" : $" from {carrier}")}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (events.Count > 1)
        {
            errors.Add("carrier", $"is required: {string.Join(", ", events.Select(e => e.CarrierCode))} each sent an event {eventId}.");
        }
        else if (events[0].Kind == EventCodes.Repair && events[0].Code == EventCodes.Opened)
        {
            errors.Add("eventId", "is the OPENED event, which cannot be voided; close or cancel the promise instead.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var target = events[0];
        if (PromiseCorrections.Voids(await PromiseCorrections.LoadAsync(db, ticketRef, ct), target))
        {
            return Conflict($"Event {eventId} from {target.CarrierCode} is void already.");
        }

        var correction = new StoredCorrection
        {
            TicketRef = ticketRef, Action = CorrectionActions.Void, CarrierCode = target.CarrierCode, EventId = target.EventId, Reason = body.Reason!, Actor = "",
        };
        return await SaveAndRefresh(promise, correction, db, user, clock, projector, wakeups, ct);
    }

    private static async Task<Results<Ok<PromiseView>, NotFound, ProblemHttpResult>> Correct(
        string ticketRef, CorrectionBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, PromiseProjector projector, WakeupSignal wakeups,
        CancellationToken ct)
    {
        if (await Visible(db, user, ticketRef, ct) is not { } promise)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetCurrentInstant();
        var errors = new ValidationErrors();
        errors.Required("reason", body.Reason, 2000);
        DateTime? at = null;
        switch (body.Action)
        {
            case CorrectionActions.Close:
                at = (body.At ?? now.ToDateTimeOffset()).UtcDateTime;
                if (at > now.ToDateTimeUtc())
                {
                    errors.Add("at", "must not be in the future.");
                }

                break;
            case CorrectionActions.MoveDeadline when body.Deadline is null:
                errors.Add("deadline", "is required to move the deadline.");
                break;
            case CorrectionActions.MoveDeadline:
                at = body.Deadline.Value.UtcDateTime;
                if (at <= promise.OpenedAt)
                {
                    errors.Add("deadline", "must be after the promise opened.");
                }

                break;
            case CorrectionActions.Reopen:
                break;
            default:
                errors.Add("action", $"must be one of {string.Join(", ", CorrectionActions.OnPromise)}.");
                break;
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (body.Action == CorrectionActions.Close && promise.ClosedAt is not null)
        {
            return Conflict($"Promise {ticketRef} is closed already ({promise.Status}).");
        }

        if (body.Action == CorrectionActions.Reopen && promise.ClosedAt is null)
        {
            return Conflict($"Promise {ticketRef} is open.");
        }

        var correction = new StoredCorrection { TicketRef = ticketRef, Action = body.Action!, At = at, Reason = body.Reason!, Actor = "" };
        return await SaveAndRefresh(promise, correction, db, user, clock, projector, wakeups, ct);
    }

    /// <summary>
    /// The correction and its audit entry in one save, with a new revision of the promise (a re-derivation that read the
    /// promise before loses its save and is retried, so none can store a state without it) that is due at once.
    /// </summary>
    private static async Task<Results<Ok<PromiseView>, NotFound, ProblemHttpResult>> SaveAndRefresh(
        Promise promise, StoredCorrection correction, SlaDbContext db, ClaimsPrincipal user, IClock clock, PromiseProjector projector, WakeupSignal wakeups,
        CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        correction.Actor = Actor.NameOf(user);
        correction.MadeAt = now.ToDateTimeUtc();
        db.Corrections.Add(correction);
        AuditTrail.Add(db, user, now, AuditEntities.Promise, promise.TicketRef, correction.Action, AuditJson.Of(AuditedPromise.Of(promise)),
            new { correction.Action, carrier = correction.CarrierCode, correction.EventId, correction.At, correction.Reason });
        promise.Revision++;
        promise.NextEvaluationAt = correction.MadeAt;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("The promise changed meanwhile; read it again.");
        }

        try
        {
            await projector.Refresh(promise.TicketRef, now, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another re-derivation, which read the correction, won; the promise is due now in any case.
            wakeups.Arm(now);
        }

        return await ViewAsync(db, promise.TicketRef, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }

    private static async Task<Promise?> Visible(SlaDbContext db, ClaimsPrincipal user, string ticketRef, CancellationToken ct) =>
        await db.Promises.FirstOrDefaultAsync(p => p.TicketRef == ticketRef, ct) is { } promise && CustomerScope.Of(user).Allows(promise.CustomerCode)
            ? promise
            : null;

    private static async Task<PromiseView?> ViewAsync(SlaDbContext db, string ticketRef, CancellationToken ct)
    {
        var promise = await db.Promises.AsNoTracking().FirstOrDefaultAsync(p => p.TicketRef == ticketRef, ct);
        var site = promise is null ? null : await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == promise.SiteCode, ct);
        return promise is null || site is null
            ? null
            : PromiseViews.ToView(promise, site, await PromiseEvents.LoadAsync(db, ticketRef, ct), await PromiseCorrections.LoadAsync(db, ticketRef, ct));
    }

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
