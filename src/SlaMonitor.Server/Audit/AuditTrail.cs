using System.Security.Claims;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;

namespace SlaMonitor.Server.Audit;

/// <summary>
/// Adds an audit entry to the caller's unit of work: it is saved by the same SaveChanges as the change it records,
/// so there is no change without its entry and no entry without its change.
/// </summary>
public static class AuditTrail
{
    /// <param name="before">The state before (null when created), as captured by <see cref="AuditJson.Of"/> before the change.</param>
    /// <param name="after">The state after, or what was done (a correction's reason and values).</param>
    public static AuditEntry Add(
        SlaDbContext db, ClaimsPrincipal user, Instant now, string entity, string entityKey, string action, string? before, object? after)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = new AuditEntry
        {
            At = now.ToDateTimeUtc(),
            Actor = Actor.NameOf(user),
            Entity = entity,
            EntityKey = entityKey,
            Action = action,
            BeforeJson = before,
            AfterJson = AuditJson.Of(after),
        };
        db.AuditLog.Add(entry);
        return entry;
    }
}
