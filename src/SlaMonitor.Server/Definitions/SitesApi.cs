using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Audit;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

public static class SitesApi
{
    public sealed record SiteView(string Code, string Name, string Region, string TimeZone, CalendarBody Calendar);

    public static RouteGroupBuilder MapSitesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sites").WithTags("Admin: sites");
        group.MapPut("/{siteCode}", PutSite).WithName("putSite")
            .WithSummary("Create or change a site: name, region, IANA time zone, business calendar.").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", ListSites).WithName("listSites").WithSummary("Every site.").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/{siteCode}", GetSite).WithName("getSite").WithSummary("One site.").RequireAuthorization(Roles.ReaderPolicy);
        return api;
    }

    private static async Task<Results<Ok<SiteView>, ProblemHttpResult>> PutSite(
        string siteCode, SiteBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Code("siteCode", siteCode);
        SiteValidation.Validate(body, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var site = await db.Sites.FindAsync([siteCode], ct);
        var before = site is null ? null : AuditJson.Of(ToView(site));
        if (site is null)
        {
            site = new Site { Code = siteCode, Name = "", Region = "", TimeZone = "", CalendarJson = "" };
            db.Sites.Add(site);
        }

        site.Name = body.Name!;
        site.Region = body.Region!;
        site.TimeZone = body.TimeZone!;
        site.CalendarJson = AdminJson.Serialize(body.Calendar);
        var now = clock.GetCurrentInstant();
        site.UpdatedAt = now.ToDateTimeUtc();
        AuditTrail.Add(db, user, now, AuditEntities.Site, siteCode, "put", before, ToView(site));
        var regionChanged = db.Entry(site).Property(s => s.Region).IsModified;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (regionChanged)
        {
            // The attainment report reads the region from its closed-promise rows: they follow the site's.
            await db.ClosedPromises.Where(c => c.SiteCode == siteCode).ExecuteUpdateAsync(set => set.SetProperty(c => c.Region, site.Region), ct);
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(ToView(site));
    }

    private static async Task<Ok<List<SiteView>>> ListSites(SlaDbContext db, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        return TypedResults.Ok(sites.Select(ToView).ToList());
    }

    private static async Task<Results<Ok<SiteView>, NotFound>> GetSite(string siteCode, SlaDbContext db, CancellationToken ct) =>
        await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == siteCode, ct) is { } site
            ? TypedResults.Ok(ToView(site))
            : TypedResults.NotFound();

    private static SiteView ToView(Site site) =>
        new(site.Code, site.Name, site.Region, site.TimeZone, AdminJson.Deserialize<CalendarBody>(site.CalendarJson));
}
