namespace SlaMonitor.Server.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Ops = "ops";
    public const string AccountManager = "accountManager";

    public static readonly IReadOnlyList<string> All = [Admin, Ops, AccountManager];

    /// <summary>Authorization policy names.</summary>
    public const string AdminPolicy = "admin";
    public const string ReaderPolicy = "reader";

    /// <summary>Ops or admin: operational changes such as silences.</summary>
    public const string OpsPolicy = "ops";
}
