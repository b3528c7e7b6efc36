using System.Security.Claims;
using System.Xml;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Audit;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Escalations;

public static class EscalationsApi
{
    public sealed record EscalationPage(IReadOnlyList<EscalationView> Items, int Total, int Offset, int Limit);

    public static RouteGroupBuilder MapEscalationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/escalations").WithTags("Escalations").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/", List).WithName("listEscalations").WithSummary("Escalations, oldest first; filter by state (open, acknowledged, resolved), customer and ticketRef.");
        group.MapGet("/metrics", Metrics).WithName("getEscalationMetrics").WithSummary("Alert lead time, time to acknowledge, breaches prevented.");
        group.MapGet("/{id:guid}", Get).WithName("getEscalation").WithSummary("One escalation.");
        group.MapPost("/{id:guid}/acknowledge", Acknowledge).WithName("acknowledgeEscalation").ProducesProblem(StatusCodes.Status409Conflict).WithSummary(
            "Acknowledge { note }: the escalation stops climbing and re-notifying. Who acknowledged is the key's name; a `by` in the body is accepted and ignored (deprecated).");
        group.MapPost("/{id:guid}/assign", Assign).WithName("assignEscalation").ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Assign { to }.");
        group.MapPost("/{id:guid}/resolve", Resolve).WithName("resolveEscalation").ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Roles.OpsPolicy).WithSummary("Resolve by hand (outcome MANUAL); ops and admin.");
        return api;
    }

    private static async Task<Results<Ok<EscalationPage>, ProblemHttpResult>> List(
        SlaDbContext db, ClaimsPrincipal user, IClock clock, CancellationToken ct, string? state = null, string? customer = null, string? ticketRef = null,
        int offset = 0, int limit = 100)
    {
        var errors = new ValidationErrors();
        if (state is not null && !EscalationStates.All.Contains(state))
        {
            errors.Add("state", $"must be one of {string.Join(", ", EscalationStates.All)}.");
        }

        if (offset < 0)
        {
            errors.Add("offset", "must not be negative.");
        }

        if (limit is < 1 or > 1000)
        {
            errors.Add("limit", "must be between 1 and 1000.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = Visible(db.Escalations.AsNoTracking(), user);
        query = state is null ? query : query.Where(e => e.State == state);
        query = customer is null ? query : query.Where(e => e.CustomerCode == customer);
        query = ticketRef is null ? query : query.Where(e => e.TicketRef == ticketRef);
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(e => e.OpenedAt).ThenBy(e => e.Id).Skip(offset).Take(limit).ToListAsync(ct);
        var silences = await ActiveSilences.ReadAsync(db, clock.GetCurrentInstant(), ct);
        return TypedResults.Ok(new EscalationPage(page.Select(e => EscalationViews.ToView(e, silences)).ToList(), total, offset, limit));
    }

    private static async Task<Results<Ok<EscalationView>, NotFound>> Get(Guid id, SlaDbContext db, ClaimsPrincipal user, IClock clock, CancellationToken ct) =>
        await Visible(db.Escalations.AsNoTracking(), user).FirstOrDefaultAsync(e => e.Id == id, ct) is { } e
            ? TypedResults.Ok(EscalationViews.ToView(e, await ActiveSilences.ReadAsync(db, clock.GetCurrentInstant(), ct)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<EscalationView>, NotFound, ProblemHttpResult>> Acknowledge(
        Guid id, AcknowledgeBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, OutboxSignal outbox, SlaMetrics metrics, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.MaxLength("note", body.Note, 2000, lineBreaksAllowed: true);
        return await Change(id, db, user, clock, outbox, errors, EscalationChange.Acknowledged, (e, now) =>
        {
            var transition = EscalationTransitions.Acknowledge(e, Actor.NameOf(user), body.Note, now);
            metrics.Acknowledged(e);
            return transition;
        }, ct);
    }

    private static async Task<Results<Ok<EscalationView>, NotFound, ProblemHttpResult>> Assign(
        Guid id, AssignBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, OutboxSignal outbox, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("to", body.To);
        return await Change(id, db, user, clock, outbox, errors, EscalationChange.Assigned, (e, now) => EscalationTransitions.Assign(e, body.To!, now), ct);
    }

    private static async Task<Results<Ok<EscalationView>, NotFound, ProblemHttpResult>> Resolve(
        Guid id, SlaDbContext db, ClaimsPrincipal user, IClock clock, OutboxSignal outbox, CancellationToken ct) =>
        await Change(id, db, user, clock, outbox, new ValidationErrors(), EscalationChange.Resolved,
            (e, now) => EscalationTransitions.Resolve(e, EscalationOutcomes.Manual, now), ct);

    /// <summary>A person's change: found (and theirs to see), allowed, applied by its transition, saved, announced.</summary>
    private static async Task<Results<Ok<EscalationView>, NotFound, ProblemHttpResult>> Change(
        Guid id, SlaDbContext db, ClaimsPrincipal user, IClock clock, OutboxSignal outbox, ValidationErrors errors, EscalationChange change,
        Func<Escalation, Instant, EscalationTransition> apply, CancellationToken ct)
    {
        // Found first: another customer's escalation is 404 whatever the body says.
        var escalation = await Visible(db.Escalations, user).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (escalation is null)
        {
            return TypedResults.NotFound();
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (EscalationTransitions.Refusal(escalation, change) is { } refusal)
        {
            return Conflict(refusal);
        }

        var now = clock.GetCurrentInstant();
        var before = AuditJson.Of(AuditedEscalation.Of(escalation));
        var transition = apply(escalation, now);
        db.Outbox.Add(OutboxRows.Of(transition.Message(escalation, now), now));
        AuditTrail.Add(db, user, now, AuditEntities.Escalation, escalation.Id.ToString(), ActionOf(change), before, AuditedEscalation.Of(escalation));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("The escalation changed meanwhile; read it again.");
        }

        outbox.Ring();
        return TypedResults.Ok(EscalationViews.ToView(escalation, await ActiveSilences.ReadAsync(db, now, ct)));
    }

    private static async Task<Ok<EscalationMetricsView>> Metrics(SlaDbContext db, ClaimsPrincipal user, CancellationToken ct, string? customer = null)
    {
        var query = Visible(db.Escalations.AsNoTracking(), user);
        query = customer is null ? query : query.Where(e => e.CustomerCode == customer);
        return TypedResults.Ok(await EscalationViews.MetricsAsync(db, query, ct));
    }

    private static string ActionOf(EscalationChange change) => change switch
    {
        EscalationChange.Acknowledged => "acknowledge",
        EscalationChange.Assigned => "assign",
        _ => "resolve",
    };

    private static IQueryable<Escalation> Visible(IQueryable<Escalation> query, ClaimsPrincipal user) =>
        CustomerScope.Of(user).Filter(query, e => e.CustomerCode);

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
