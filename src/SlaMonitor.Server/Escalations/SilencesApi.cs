using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Audit;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Escalations;

/// <summary>
/// Silences, for a known outage: escalations they cover still open and climb, but their alerts are muted (logged as
/// silenced) until the window ends, when what is still open is told once. Muting is decided at delivery.
/// </summary>
public static class SilencesApi
{
    public static RouteGroupBuilder MapSilencesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/silences").WithTags("Silences").RequireAuthorization(Roles.ReaderPolicy);
        group.MapPost("/", Create).WithName("createSilence").RequireAuthorization(Roles.OpsPolicy)
            .WithSummary("Mute alerts of escalations matching { carrier?, region?, customer? } (at least one) from `from` until `until`.");
        group.MapGet("/", List).WithName("listSilences").WithSummary("Silences, newest first; active=true: only those in force now.");
        group.MapDelete("/{id:guid}", End).WithName("endSilence").RequireAuthorization(Roles.OpsPolicy).WithSummary("End a silence now.");
        return api;
    }

    private static async Task<Results<Created<SilenceView>, ProblemHttpResult>> Create(
        SilenceBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var errors = new ValidationErrors();
        foreach (var (field, value) in new[] { ("carrier", body.Carrier), ("region", body.Region), ("customer", body.Customer) })
        {
            if (value is not null)
            {
                errors.Code(field, value);
            }
        }

        if (body.Carrier is null && body.Region is null && body.Customer is null)
        {
            errors.Add("carrier", "at least one of carrier, region or customer is required.");
        }

        // Offsets and plausible years are checked as the body is read (OffsetTimestampConverter).
        if (body.From is null)
        {
            errors.Add("from", "is required.");
        }

        if (body.Until is null)
        {
            errors.Add("until", "is required.");
        }
        else if (body.From is { } from && body.Until <= from)
        {
            errors.Add("until", "must be after from.");
        }
        else if (Instant.FromDateTimeOffset(body.Until.Value) <= now)
        {
            errors.Add("until", "must be in the future.");
        }

        errors.Required("reason", body.Reason, 2000);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var silence = new Silence
        {
            Id = Guid.CreateVersion7(),
            Carrier = body.Carrier,
            Region = body.Region,
            Customer = body.Customer,
            From = body.From!.Value.UtcDateTime,
            Until = body.Until!.Value.UtcDateTime,
            Reason = body.Reason!,
            CreatedBy = Actor.NameOf(user),
            CreatedAt = now.ToDateTimeUtc(),
        };
        db.Silences.Add(silence);
        AuditTrail.Add(db, user, now, AuditEntities.Silence, silence.Id.ToString(), "create", null, ToView(silence, now));
        await db.SaveChangesAsync(ct);
        await ShowOnBoardAsync(db, silence, now, ct);
        return TypedResults.Created($"/api/v1/silences/{silence.Id}", ToView(silence, now));
    }

    private static async Task<Ok<List<SilenceView>>> List(SlaDbContext db, ClaimsPrincipal user, IClock clock, CancellationToken ct, bool active = false)
    {
        var now = clock.GetCurrentInstant();
        var query = active ? ActiveSilences.At(db.Silences.AsNoTracking(), now) : db.Silences.AsNoTracking();
        if (CustomerScope.Of(user).CustomerList is { } customers)
        {
            query = query.Where(s => s.Customer == null || customers.Contains(s.Customer));
        }

        var silences = await query.OrderByDescending(s => s.CreatedAt).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(silences.Select(s => ToView(s, now)).ToList());
    }

    /// <summary>Ends it now; the alerts it held back come due at once (sent if still worth telling).</summary>
    private static async Task<Results<Ok<SilenceView>, NotFound>> End(
        Guid id, SlaDbContext db, ClaimsPrincipal user, IClock clock, IEscalationAlerts alerts, CancellationToken ct)
    {
        var silence = await db.Silences.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (silence is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetCurrentInstant();
        var nowUtc = now.ToDateTimeUtc();
        if (silence.EndedAt is null && silence.Until > nowUtc)
        {
            var before = AuditJson.Of(ToView(silence, now));
            silence.EndedAt = nowUtc;
            AuditTrail.Add(db, user, now, AuditEntities.Silence, id.ToString(), "end", before, ToView(silence, now));
            await db.SaveChangesAsync(ct);
            await db.Alerts.Where(a => a.SilenceId == id && a.State == AlertStates.Pending && a.NextAttemptAt > nowUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NextAttemptAt, nowUtc), ct);
            await ShowOnBoardAsync(db, silence, now, ct);
            alerts.Queued();
        }

        return TypedResults.Ok(ToView(silence, now));
    }

    /// <summary>
    /// The covered escalations' views changed (silencedUntil) though the rows did not: moving UpdatedAt sends them to
    /// the board's feed, which reads changes by it. The revision stays, as nothing the escalation decides changed.
    /// </summary>
    private static async Task ShowOnBoardAsync(SlaDbContext db, Silence silence, Instant now, CancellationToken ct)
    {
        var nowUtc = now.ToDateTimeUtc();
        await ActiveSilences.Covered(db.Escalations, silence).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, nowUtc), ct);
    }

    private static SilenceView ToView(Silence s, Instant now) =>
        new(s.Id, s.Carrier, s.Region, s.Customer, Utc(s.From), Utc(s.Until), s.Reason, s.CreatedBy, Utc(s.CreatedAt),
            s.EndedAt is { } ended ? Utc(ended) : null, ActiveSilences.IsActive(s, now));

    private static DateTimeOffset Utc(DateTime value) => new(value, TimeSpan.Zero);
}
