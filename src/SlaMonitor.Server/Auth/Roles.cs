namespace SlaMonitor.Server.Auth;

/// <summary>
/// PRODUCT.md's roles: <c>admin</c> everything; <c>ops</c> reads everything and acts on escalations, no configuration
/// writes; <c>accountManager</c> only their customers' promises, escalations (read, acknowledge, assign) and customer
/// records (read); <c>carrier</c>, a key bound to one carrier code, only that carrier's delivery log and parked events.
/// Which rows a caller sees is <see cref="CustomerScope"/>; which endpoints, the policies below.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Ops = "ops";
    public const string AccountManager = "accountManager";
    public const string Carrier = "carrier";

    public static readonly IReadOnlyList<string> All = [Admin, Ops, AccountManager, Carrier];

    /// <summary>The people's roles: those that may sign in to the board.</summary>
    public static readonly IReadOnlyList<string> People = [Admin, Ops, AccountManager];

    /// <summary>Authorization policy names.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Admin, ops, account managers: promises, escalations, customers, sites, policies (scoped by customer).</summary>
    public const string ReaderPolicy = "reader";

    /// <summary>Ops or admin: operational changes (silences, resolving escalations) and reading carriers' configuration.</summary>
    public const string OpsPolicy = "ops";

    /// <summary>Ops, admin, or a carrier's own key: a carrier's delivery log and parked events.</summary>
    public const string CarrierLogPolicy = "carrierLog";
}
