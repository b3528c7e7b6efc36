using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;

namespace SlaMonitor.Server.Api;

public static class CarriersApi
{
    public static readonly IReadOnlyList<string> Formats = ["canonical", "easypost"];

    /// <summary>The secret is write-only: views never carry it.</summary>
    public sealed record CarrierView(string Code, string Name, string Format);

    public static RouteGroupBuilder MapCarriersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/carriers").WithTags("Admin: carriers").RequireAuthorization(Roles.AdminPolicy);
        group.MapPut("/{code}", PutCarrier);
        group.MapGet("/", ListCarriers);
        group.MapGet("/{code}", GetCarrier);
        return api;
    }

    private static async Task<Results<Ok<CarrierView>, ProblemHttpResult>> PutCarrier(
        string code, CarrierBody body, SlaDbContext db, IClock clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Code("code", code);
        errors.Required("name", body.Name);
        if (errors.Required("secret", body.Secret, 512) is { Length: < 16 })
        {
            errors.Add("secret", "must be at least 16 characters.");
        }

        var format = body.Format ?? Formats[0];
        if (!Formats.Contains(format))
        {
            errors.Add("format", $"must be one of {string.Join(", ", Formats)}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var carrier = await db.Carriers.FindAsync([code], ct);
        if (carrier is null)
        {
            carrier = new Carrier { Code = code, Name = "", Secret = "", Format = "" };
            db.Carriers.Add(carrier);
        }

        carrier.Name = body.Name!;
        carrier.Secret = body.Secret!;
        carrier.Format = format;
        carrier.UpdatedAt = clock.GetCurrentInstant().ToDateTimeUtc();
        await db.SaveChangesAsync(ct);
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

    private static CarrierView ToView(Carrier carrier) => new(carrier.Code, carrier.Name, carrier.Format);
}
