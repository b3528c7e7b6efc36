using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Auth;

/// <summary>`Authorization: Bearer &lt;api key&gt;`, keys and roles from configuration.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    IHostEnvironment environment,
    FailedAuthentications failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string CustomerClaim = "customer";
    public const string CarrierClaim = "carrier";
    private const string RetryAfterItem = "SlaMonitor.FailedAuthentication.RetryAfter";

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
            if (failures.Fail(Context) is { } wait)
            {
                Context.Items[RetryAfterItem] = wait;
            }

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

    /// <summary>An address past its allowance of failed authentications gets 429 instead of 401.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterItem] is TimeSpan wait)
        {
            await FailedAuthentications.TooMany(Context, wait).ExecuteAsync(Context);
            return;
        }

        await base.HandleChallengeAsync(properties);
    }

    private IEnumerable<ApiKey> EffectiveKeys() =>
        auth.Value.ApiKeys.Count == 0 && environment.IsDevelopment()
            ? [new ApiKey { Key = AuthOptions.DevelopmentKey, Role = Roles.Admin, Name = "developer" }]
            : auth.Value.ApiKeys;
}
