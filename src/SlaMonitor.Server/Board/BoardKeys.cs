using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SlaMonitor.Server.Auth;

namespace SlaMonitor.Server.Board;

/// <summary>
/// The API keys the board accepts at sign-in: the configured ones, or, in Development with none configured,
/// the development key (the same rule as the Bearer handler). The cookie keeps only a hash of the key, checked
/// on every request, so removing a key from configuration also ends the board sessions made with it.
/// </summary>
public sealed class BoardKeys(IOptionsMonitor<AuthOptions> auth, IHostEnvironment environment)
{
    public const string KeyHashClaim = "keyHash";

    public bool SignsInDeveloper => environment.IsDevelopment() && auth.CurrentValue.ApiKeys.Count == 0;

    public ApiKey? Find(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        return Effective().FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k.Key), bytes));
    }

    public ApiKey? FindByHash(string? hash) => hash is null ? null : Effective().FirstOrDefault(k => Hash(k.Key) == hash);

    public ApiKey Developer() => new() { Key = AuthOptions.DevelopmentKey, Role = Roles.Admin, Name = "developer" };

    public static ClaimsPrincipal Principal(ApiKey key, string scheme)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, key.Name ?? key.Role), new(ClaimTypes.Role, key.Role), new(KeyHashClaim, Hash(key.Key)),
        };
        claims.AddRange(key.Customers.Select(c => new Claim(ApiKeyAuthenticationHandler.CustomerClaim, c)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private IEnumerable<ApiKey> Effective() => SignsInDeveloper ? [Developer()] : auth.CurrentValue.ApiKeys;
}
