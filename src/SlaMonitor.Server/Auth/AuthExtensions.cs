using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SlaMonitor.Server.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddSlaAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.ReaderPolicy, p => p.RequireRole(Roles.Admin, Roles.Ops, Roles.AccountManager));
        return builder;
    }
}
