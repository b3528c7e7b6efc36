using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Parked;

public static class ParkedEventsApi
{
    public const string WaitingState = "waiting";
    public const string ExpiredState = "expired";

    public static RouteGroupBuilder MapParkedEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/parked-events", List)
            .WithTags("Carrier webhooks")
            .WithName("listParkedEvents")
            .WithSummary("Events waiting for their promise (state=waiting) or expired after Ingest:ParkedEventMaxAge (state=expired), with counts.")
            .RequireAuthorization(Roles.CarrierLogPolicy);
        return api;
    }

    private static async Task<Results<Ok<ParkedEventPage>, ProblemHttpResult>> List(
        SlaDbContext db, ClaimsPrincipal user, CancellationToken ct, string? carrier = null, string state = WaitingState, int offset = 0, int limit = 100)
    {
        var errors = new ValidationErrors();
        if (state is not (WaitingState or ExpiredState))
        {
            errors.Add("state", $"must be {WaitingState} or {ExpiredState}.");
        }

        errors.Range("offset", offset, 0, int.MaxValue);
        errors.Range("limit", limit, 1, 1000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // A carrier key sees its own carrier's events only, whatever it filters by.
        if (CustomerScope.Of(user).Carrier is { } own)
        {
            carrier = carrier is null || carrier == own ? own : "";
        }

        var waiting = ParkedEvents.Waiting(db).AsNoTracking();
        var expired = ParkedEvents.Expired(db).AsNoTracking();
        if (carrier is not null)
        {
            waiting = waiting.Where(e => e.CarrierCode == carrier);
            expired = expired.Where(e => e.CarrierCode == carrier);
        }

        var waitingCount = await waiting.CountAsync(ct);
        var expiredCount = await expired.CountAsync(ct);
        var chosen = state == WaitingState ? waiting : expired;
        var items = await chosen.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id).Skip(offset).Take(limit)
            .Select(e => new ParkedEventView(e.CarrierCode, e.EventId, e.Kind, e.Code, e.OccurredAt, e.TicketRef, e.ShipmentRef, e.ReceivedAt, e.ParkedExpiredAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new ParkedEventPage(
            waitingCount, expiredCount, items, state == WaitingState ? waitingCount : expiredCount, offset, limit));
    }
}
