using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Deliveries;

public static class DeliveriesApi
{
    public sealed record DeliveryView(long Id, DateTime ReceivedAt, int Status, string Outcome, int Accepted, int Duplicates, string? Problem, JsonElement Details);

    public sealed record DeliveryPage(IReadOnlyList<DeliveryView> Items, int Total, int Offset, int Limit);

    public static RouteGroupBuilder MapDeliveriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/carriers/{code}/deliveries", ListDeliveries)
            .WithTags("Carrier webhooks")
            .WithName("listCarrierDeliveries")
            .WithSummary("The carrier's recent webhook requests, newest first, with per-event results or why they were refused.")
            .RequireAuthorization(Roles.CarrierLogPolicy);
        return api;
    }

    private static async Task<Results<Ok<DeliveryPage>, ProblemHttpResult, NotFound>> ListDeliveries(
        string code, SlaDbContext db, ClaimsPrincipal user, CancellationToken ct, string? outcome = null, int? status = null, int offset = 0, int limit = 50)
    {
        var errors = new ValidationErrors();
        if (outcome is not (null or "accepted" or "rejected"))
        {
            errors.Add("outcome", "must be accepted or rejected.");
        }

        errors.Range("offset", offset, 0, int.MaxValue);
        errors.Range("limit", limit, 1, 500);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!CustomerScope.Of(user).SeesCarrier(code) || !await db.Carriers.AnyAsync(c => c.Code == code, ct))
        {
            return TypedResults.NotFound();
        }

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.CarrierCode == code);
        query = outcome switch
        {
            "accepted" => query.Where(d => d.StatusCode < 300),
            "rejected" => query.Where(d => d.StatusCode >= 300),
            _ => query,
        };
        if (status is { } s)
        {
            query = query.Where(d => d.StatusCode == s);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return TypedResults.Ok(new DeliveryPage(
            rows.Select(d => new DeliveryView(
                d.Id, d.ReceivedAt, d.StatusCode, d.StatusCode < 300 ? "accepted" : "rejected", d.Accepted, d.Duplicates, d.Problem,
                JsonDocument.Parse(d.DetailsJson).RootElement.Clone())).ToList(),
            total, offset, limit));
    }
}
