using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Server.Api;

public static class PromisesApi
{
    public sealed record PromisePage(IReadOnlyList<PromiseView> Items, int Total, int Offset, int Limit);

    public static RouteGroupBuilder MapPromisesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/promises").WithTags("Promises").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/", ListPromises).WithSummary("Promises, soonest deadline first; filter by status, region, customer, carrier, serviceLevel.");
        group.MapGet("/{ticketRef}", GetPromise).WithSummary("One promise with its timeline in occurredAt order.");
        return api;
    }

    private static async Task<Results<Ok<PromisePage>, ProblemHttpResult>> ListPromises(
        SlaDbContext db, CancellationToken ct, string? status = null, string? region = null, string? customer = null,
        string? carrier = null, string? serviceLevel = null, int offset = 0, int limit = 100)
    {
        var errors = new ValidationErrors();
        if (status is not null && !PromiseStatuses.All.Contains(status))
        {
            errors.Add("status", $"must be one of {string.Join(", ", PromiseStatuses.All)}.");
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
        query = status is null ? query : query.Where(x => x.Promise.Status == status);
        query = region is null ? query : query.Where(x => x.Site.Region == region);
        query = customer is null ? query : query.Where(x => x.Promise.CustomerCode == customer);
        query = carrier is null ? query : query.Where(x => x.Promise.CarrierCode == carrier);
        query = serviceLevel is null ? query : query.Where(x => x.Promise.ServiceLevel == serviceLevel);
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(x => x.Promise.Deadline).ThenBy(x => x.Promise.TicketRef).Skip(offset).Take(limit).ToListAsync(ct);
        return TypedResults.Ok(new PromisePage(page.Select(x => ToView(x.Promise, x.Site, null)).ToList(), total, offset, limit));
    }

    private static async Task<Results<Ok<PromiseView>, NotFound>> GetPromise(string ticketRef, SlaDbContext db, CancellationToken ct)
    {
        var promise = await db.Promises.AsNoTracking().FirstOrDefaultAsync(p => p.TicketRef == ticketRef, ct);
        var site = promise is null ? null : await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == promise.SiteCode, ct);
        if (promise is null || site is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(ToView(promise, site, await PromiseEvents.LoadAsync(db, ticketRef, ct)));
    }

    private static PromiseView ToView(Promise p, Site site, List<StoredEvent>? events)
    {
        var zone = SiteTime.Zone(site.TimeZone);
        return new PromiseView(
            p.TicketRef, p.CustomerCode, p.SiteCode, site.Region, p.ServiceLevel, p.Status,
            SiteTime.At(p.OpenedAt, zone), SiteTime.At(p.Deadline, zone), SiteTime.At(p.ClosedAt, zone),
            SiteTime.At(p.PredictedCompletion, zone), p.ProbabilityLate,
            XmlConvert.ToString(TimeSpan.FromSeconds(p.PausedSeconds)),
            AdminJson.Deserialize<PausedByBlame>(p.PausedByBlameJson), p.Stage,
            AdminJson.Deserialize<List<string>>(p.ReasonsJson), p.CarrierCode, p.PolicyVersion,
            events?.Select(e => new TimelineEntry(
                e.EventId, e.CarrierCode, e.Kind, e.Code, SiteTime.At(e.OccurredAt, zone), SiteTime.At(e.ReceivedAt, zone),
                e.ShipmentRef, e.LocationCode, e.Reason, e.Note)).ToList());
    }
}
