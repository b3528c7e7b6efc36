using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddSlaAuth(this IHostApplicationBuilder builder)
    {
        builder.AddSettings<AuthOptions>(AuthOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.AddSettings<FailedAuthenticationOptions>(FailedAuthenticationOptions.Section);
        builder.Services.AddSingleton<FailedAuthentications>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.OpsPolicy, p => p.RequireRole(Roles.Admin, Roles.Ops))
            .AddPolicy(Roles.ReaderPolicy, p => p.RequireRole(Roles.Admin, Roles.Ops, Roles.AccountManager))
            .AddPolicy(Roles.CarrierLogPolicy, p => p.RequireRole(Roles.Admin, Roles.Ops, Roles.Carrier));
        return builder;
    }
}
