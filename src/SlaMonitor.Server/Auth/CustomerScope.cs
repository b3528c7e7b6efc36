using System.Security.Claims;

namespace SlaMonitor.Server.Auth;

/// <summary>
/// Which customers a caller may see: everyone for admin and ops, only the key's customers for an
/// account manager (none when the key lists none). Applied on the server, in the API and in the feed.
/// </summary>
public sealed class CustomerScope
{
    public static readonly CustomerScope Everyone = new(null);

    private CustomerScope(IReadOnlySet<string>? customers) => Customers = customers;

    /// <summary>Null: no restriction.</summary>
    public IReadOnlySet<string>? Customers { get; }

    public bool IsRestricted => Customers is not null;

    public static CustomerScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Ops)
            ? Everyone
            : new CustomerScope(user.FindAll(ApiKeyAuthenticationHandler.CustomerClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    public bool Allows(string customer) => Customers is null || Customers.Contains(customer);
}
