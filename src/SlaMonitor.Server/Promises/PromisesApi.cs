using System.Security.Claims;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

public static class PromisesApi
{
    public sealed record PromisePage(IReadOnlyList<PromiseView> Items, int Total, int Offset, int Limit);

    public static RouteGroupBuilder MapPromisesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/promises").WithTags("Promises").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/", ListPromises).WithName("listPromises").WithSummary(
            "Promises, soonest deadline first; filter by status (one or several, comma-separated), region, customer, carrier, serviceLevel; q: ticket reference (part) or shipment reference (whole). Account managers see only their customers.");
        group.MapGet("/{ticketRef}", GetPromise).WithName("getPromise").WithSummary("One promise with its timeline in occurredAt order.");
        return api;
    }

    private static async Task<Results<Ok<PromisePage>, ProblemHttpResult>> ListPromises(
        SlaDbContext db, ClaimsPrincipal user, CancellationToken ct, string? status = null, string? region = null, string? customer = null,
        string? carrier = null, string? serviceLevel = null, string? q = null, int offset = 0, int limit = 100)
    {
        var errors = new ValidationErrors();
        var statuses = status?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (statuses.Any(s => !PromiseStatuses.All.Contains(s)))
        {
            errors.Add("status", $"must be one or several (comma-separated) of {string.Join(", ", PromiseStatuses.All)}.");
        }

        errors.Range("offset", offset, 0, int.MaxValue);

        errors.Range("limit", limit, 1, 1000);

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = from p in db.Promises.AsNoTracking()
                    join s in db.Sites.AsNoTracking() on p.SiteCode equals s.Code
                    select new { Promise = p, Site = s };
        var scope = CustomerScope.Of(user);
        var visible = scope.Customers?.ToArray();
        query = visible is null ? query : query.Where(x => visible.Contains(x.Promise.CustomerCode));
        query = statuses.Length == 0 ? query : query.Where(x => statuses.Contains(x.Promise.Status));
        query = region is null ? query : query.Where(x => x.Site.Region == region);
        query = customer is null ? query : query.Where(x => x.Promise.CustomerCode == customer);
        query = carrier is null ? query : query.Where(x => x.Promise.CarrierCode == carrier);
        query = serviceLevel is null ? query : query.Where(x => x.Promise.ServiceLevel == serviceLevel);
        var search = q?.Trim();
        query = string.IsNullOrEmpty(search) ? query : query.Where(x => x.Promise.TicketRef.Contains(search)
            || db.Events.Any(e => e.TicketRef == x.Promise.TicketRef && e.ShipmentRef == search));
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(x => x.Promise.Deadline).ThenBy(x => x.Promise.TicketRef).Skip(offset).Take(limit).ToListAsync(ct);
        return TypedResults.Ok(new PromisePage(page.Select(x => PromiseViews.ToView(x.Promise, x.Site, null)).ToList(), total, offset, limit));
    }

    private static async Task<Results<Ok<PromiseView>, NotFound>> GetPromise(string ticketRef, SlaDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var promise = await db.Promises.AsNoTracking().FirstOrDefaultAsync(p => p.TicketRef == ticketRef, ct);
        promise = promise is not null && CustomerScope.Of(user).Allows(promise.CustomerCode) ? promise : null;
        var site = promise is null ? null : await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == promise.SiteCode, ct);
        if (promise is null || site is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(PromiseViews.ToView(promise, site, await PromiseEvents.LoadAsync(db, ticketRef, ct), await PromiseCorrections.LoadAsync(db, ticketRef, ct)));
    }
}
