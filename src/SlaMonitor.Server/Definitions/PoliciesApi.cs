using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Audit;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

public static class PoliciesApi
{
    public sealed record PolicyView(string ServiceLevel, int Version, DateTimeOffset CreatedAt, PolicyBody Policy);

    public static RouteGroupBuilder MapPoliciesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/policies").WithTags("Admin: policies");
        group.MapPut("/{serviceLevel}", PutPolicy).WithName("putPolicy")
            .WithSummary("Create or change the SLA policy of a service level; a changed definition adds a version and re-evaluates open promises.").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", ListPolicies).WithName("listPolicies").WithSummary("The latest version of every policy.").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/{serviceLevel}", GetPolicy).WithName("getPolicy").WithSummary("The latest version of one policy.").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/{serviceLevel}/versions/{version:int}", GetPolicyVersion).WithName("getPolicyVersion").WithSummary("One version of a policy, as promises opened under it are judged.").RequireAuthorization(Roles.ReaderPolicy);
        return api;
    }

    /// <summary>Adds a version when the definition changed; open promises keep the version they opened under.</summary>
    private static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> PutPolicy(
        string serviceLevel, PolicyBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Code("serviceLevel", serviceLevel);
        PolicyValidation.Validate(body, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var json = AdminJson.Serialize(body);
        var latest = await Latest(db, serviceLevel, ct);
        if (latest?.DefinitionJson == json)
        {
            return TypedResults.Ok(ToView(latest));
        }

        var now = clock.GetCurrentInstant();
        var version = new PolicyVersion
        {
            ServiceLevel = serviceLevel,
            Version = (latest?.Version ?? 0) + 1,
            DefinitionJson = json,
            CreatedAt = now.ToDateTimeUtc(),
        };
        db.Policies.Add(version);
        AuditTrail.Add(db, user, now, AuditEntities.Policy, serviceLevel, "put", latest is null ? null : AuditJson.Of(ToView(latest)), ToView(version));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToView(version));
    }

    private static async Task<Ok<List<PolicyView>>> ListPolicies(SlaDbContext db, CancellationToken ct)
    {
        var all = await db.Policies.AsNoTracking().ToListAsync(ct);
        var latest = all.GroupBy(p => p.ServiceLevel).Select(g => g.MaxBy(p => p.Version)!).OrderBy(p => p.ServiceLevel);
        return TypedResults.Ok(latest.Select(ToView).ToList());
    }

    private static async Task<Results<Ok<PolicyView>, NotFound>> GetPolicy(string serviceLevel, SlaDbContext db, CancellationToken ct) =>
        await Latest(db, serviceLevel, ct) is { } policy ? TypedResults.Ok(ToView(policy)) : TypedResults.NotFound();

    private static async Task<Results<Ok<PolicyView>, NotFound>> GetPolicyVersion(
        string serviceLevel, int version, SlaDbContext db, CancellationToken ct) =>
        await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.ServiceLevel == serviceLevel && p.Version == version, ct) is { } policy
            ? TypedResults.Ok(ToView(policy))
            : TypedResults.NotFound();

    public static Task<PolicyVersion?> Latest(SlaDbContext db, string serviceLevel, CancellationToken ct) =>
        db.Policies.AsNoTracking().Where(p => p.ServiceLevel == serviceLevel).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);

    private static PolicyView ToView(PolicyVersion policy) =>
        new(policy.ServiceLevel, policy.Version, new DateTimeOffset(policy.CreatedAt), AdminJson.Deserialize<PolicyBody>(policy.DefinitionJson));
}
