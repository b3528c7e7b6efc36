namespace SlaMonitor.Server.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The development key; refused outside Development.</summary>
    public const string DevelopmentKey = "dev-admin-key";

    public IList<ApiKey> ApiKeys { get; } = [];
}
