using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Audit;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

public static class CarriersApi
{
    /// <summary>Secrets are write-only: views never carry them.</summary>
    public sealed record CarrierView(string Code, string Name, string Format, bool HasPreviousSecret, int? RequestsPerSecond, IReadOnlyList<string> Customers);

    public static RouteGroupBuilder MapCarriersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/carriers").WithTags("Admin: carriers");
        group.MapPut("/{code}", PutCarrier).WithName("putCarrier")
            .WithSummary("Create or change a carrier: name, webhook secret, format (canonical, easypost), rate, customers it may report for.").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", ListCarriers).WithName("listCarriers").WithSummary("Carriers, without their secrets.").RequireAuthorization(Roles.OpsPolicy);
        group.MapGet("/{code}", GetCarrier).WithName("getCarrier").WithSummary("One carrier, without its secret.").RequireAuthorization(Roles.OpsPolicy);
        group.MapDelete("/{code}/previous-secret", RetirePreviousSecret).WithName("retirePreviousCarrierSecret").RequireAuthorization(Roles.AdminPolicy)
            .WithSummary("Retire the secret that was replaced by the last PUT; until then both verify.");
        return api;
    }

    private static async Task<Results<Ok<CarrierView>, ProblemHttpResult>> PutCarrier(
        string code, CarrierBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, CarrierDirectory carriers, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Code("code", code);
        errors.Required("name", body.Name);
        if (errors.Required("secret", body.Secret, 512) is { Length: < 16 })
        {
            errors.Add("secret", "must be at least 16 characters.");
        }

        var format = body.Format ?? "canonical";
        if (!CarrierFormatNames.All.Contains(format))
        {
            errors.Add("format", $"must be one of {string.Join(", ", CarrierFormatNames.All)}.");
        }

        CarrierGrants.Validate(body.Customers, errors);
        if (body.RequestsPerSecond is < 1 or > 100_000)
        {
            errors.Add("requestsPerSecond", "must be between 1 and 100000.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var carrier = await db.Carriers.FindAsync([code], ct);
        var before = AuditJson.Of(carrier);
        if (carrier is null)
        {
            carrier = new Carrier { Code = code, Name = "", Secret = "", Format = "" };
            db.Carriers.Add(carrier);
        }

        carrier.Name = body.Name!;
        if (carrier.Secret.Length > 0 && carrier.Secret != body.Secret)
        {
            carrier.PreviousSecret = carrier.Secret;
        }

        carrier.Secret = body.Secret!;
        carrier.RequestsPerSecond = body.RequestsPerSecond;
        carrier.Format = format;
        carrier.CustomersJson = AdminJson.Serialize(body.Customers);
        var now = clock.GetCurrentInstant();
        carrier.UpdatedAt = now.ToDateTimeUtc();
        AuditTrail.Add(db, user, now, AuditEntities.Carrier, code, "put", before, carrier);
        await db.SaveChangesAsync(ct);
        carriers.Forget();
        return TypedResults.Ok(ToView(carrier));
    }

    private static async Task<Ok<List<CarrierView>>> ListCarriers(SlaDbContext db, CancellationToken ct)
    {
        var carriers = await db.Carriers.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        return TypedResults.Ok(carriers.Select(ToView).ToList());
    }

    private static async Task<Results<Ok<CarrierView>, NotFound>> GetCarrier(string code, SlaDbContext db, CancellationToken ct) =>
        await db.Carriers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) is { } carrier
            ? TypedResults.Ok(ToView(carrier))
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> RetirePreviousSecret(
        string code, SlaDbContext db, ClaimsPrincipal user, IClock clock, CarrierDirectory carriers, CancellationToken ct)
    {
        var carrier = await db.Carriers.FindAsync([code], ct);
        if (carrier is null)
        {
            return TypedResults.NotFound();
        }

        var before = AuditJson.Of(carrier);
        carrier.PreviousSecret = null;
        AuditTrail.Add(db, user, clock.GetCurrentInstant(), AuditEntities.Carrier, code, "retirePreviousSecret", before, carrier);
        await db.SaveChangesAsync(ct);
        carriers.Forget();
        return TypedResults.NoContent();
    }

    private static CarrierView ToView(Carrier carrier) =>
        new(carrier.Code, carrier.Name, carrier.Format, carrier.PreviousSecret is not null, carrier.RequestsPerSecond, CarrierGrants.Of(carrier));
}
