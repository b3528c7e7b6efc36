using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Audit;

public static class AuditApi
{
    public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int Total, int Offset, int Limit);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Roles.AdminPolicy)
            .MapGet("/", List).WithName("listAuditEntries").WithSummary(
                "Configuration changes and actions on escalations and promises, newest first: entity (site, policy, customer, carrier, silence, escalation, promise; "
                + "or entity/key, e.g. carrier/FASTLANE), actor (the key's name), from (inclusive) and to (exclusive) as instants with an offset.");
        return api;
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> List(
        SlaDbContext db, CancellationToken ct, string? entity = null, string? actor = null, string? from = null, string? to = null, int offset = 0, int limit = 100)
    {
        var errors = new ValidationErrors();
        var (kind, key) = entity?.Split('/', 2) is [var k, var rest] ? (k, rest) : (entity, null);
        if (kind is not null && !AuditEntities.All.Contains(kind))
        {
            errors.Add("entity", $"must be one of {string.Join(", ", AuditEntities.All)}, optionally followed by /key.");
        }

        errors.MaxLength("entity", key, SlaDbContext.RefLength);
        errors.MaxLength("actor", actor, Actor.MaxLength);
        var since = Instant(errors, "from", from);
        var until = Instant(errors, "to", to);
        if (since is not null && until is not null && until <= since)
        {
            errors.Add("to", "must be after from.");
        }

        errors.Range("offset", offset, 0, int.MaxValue);
        errors.Range("limit", limit, 1, 1000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.AuditLog.AsNoTracking();
        query = kind is null ? query : query.Where(a => a.Entity == kind);
        query = key is null ? query : query.Where(a => a.EntityKey == key);
        query = actor is null ? query : query.Where(a => a.Actor == actor);
        query = since is null ? query : query.Where(a => a.At >= since);
        query = until is null ? query : query.Where(a => a.At < until);
        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(page.Select(ToView).ToList(), total, offset, limit));
    }

    /// <summary>An instant with an offset; a '+' sent unencoded in a query string arrives as a space and is read as '+'.</summary>
    private static DateTime? Instant(ValidationErrors errors, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text.Replace(' ', '+'));
        if (!parsed.Success)
        {
            errors.Add(field, "must be an ISO 8601 timestamp with an offset (e.g. 2026-11-22T10:15:00+01:00).");
            return null;
        }

        return errors.Plausible(field, parsed.Value.Year) ? parsed.Value.ToInstant().ToDateTimeUtc() : null;
    }

    private static AuditEntryView ToView(AuditEntry a) =>
        new(a.Id, new DateTimeOffset(a.At, TimeSpan.Zero), a.Actor, a.Entity, a.EntityKey, a.Action, Parse(a.BeforeJson), Parse(a.AfterJson));

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
