using System.Security.Claims;

namespace SlaMonitor.Server.Auth;

/// <summary>
/// The one scoping rule: which customers' rows and which carrier's logs a caller sees. Admin and ops see everything;
/// an account manager only the customers their key names; a carrier key no customer and only its own carrier; any
/// other principal (no role, a role this code does not know) nothing. Applied by every endpoint and the board feed;
/// a row out of scope is answered as if it did not exist (404).
/// </summary>
public sealed class CustomerScope
{
    public static readonly CustomerScope Everyone = new(null, null);

    private CustomerScope(IReadOnlySet<string>? customers, string? carrier)
    {
        Customers = customers;
        Carrier = carrier;
    }

    /// <summary>Null: no restriction.</summary>
    public IReadOnlySet<string>? Customers { get; }

    public bool IsRestricted => Customers is not null;

    /// <summary>The restricted customers as a list, for database queries (<c>list.Contains(column)</c>); null when not restricted.</summary>
    public List<string>? CustomerList => Customers?.ToList();

    /// <summary>A carrier key's own carrier; null for everyone else.</summary>
    public string? Carrier { get; }

    public static CustomerScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Ops))
        {
            return Everyone;
        }

        var customers = user.IsInRole(Roles.AccountManager)
            ? user.FindAll(ApiKeyAuthenticationHandler.CustomerClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal)
            : [];
        var carrier = user.IsInRole(Roles.Carrier) ? user.FindFirst(ApiKeyAuthenticationHandler.CarrierClaim)?.Value : null;
        return new CustomerScope(customers, carrier);
    }

    public bool Allows(string customer) => Customers is null || Customers.Contains(customer);

    /// <summary>Whether the caller reads this carrier's delivery log and parked events.</summary>
    public bool SeesCarrier(string carrier) => Customers is null || string.Equals(Carrier, carrier, StringComparison.Ordinal);

    /// <summary>The rows of the customers in scope.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, string>> customerOf)
    {
        ArgumentNullException.ThrowIfNull(customerOf);
        if (CustomerList is not { } visible)
        {
            return query;
        }

        var row = customerOf.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], System.Linq.Expressions.Expression.Constant(visible), customerOf.Body);
        return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, row));
    }
}
