using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SlaMonitor.Server.Auth;

/// <summary>`Authorization: Bearer &lt;api key&gt;`, keys and roles from configuration.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    IHostEnvironment environment)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string CustomerClaim = "customer";
    public const string CarrierClaim = "carrier";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        var key = EffectiveKeys().FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k.Key), presented));
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name ?? key.Role), new(ClaimTypes.Role, key.Role) };
        claims.AddRange(key.Customers.Select(c => new Claim(CustomerClaim, c)));
        if (key.Carrier is not null)
        {
            claims.Add(new Claim(CarrierClaim, key.Carrier));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private IEnumerable<ApiKey> EffectiveKeys() =>
        auth.Value.ApiKeys.Count == 0 && environment.IsDevelopment()
            ? [new ApiKey { Key = AuthOptions.DevelopmentKey, Role = Roles.Admin, Name = "developer" }]
            : auth.Value.ApiKeys;
}
