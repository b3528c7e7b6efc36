using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SlaMonitor.Server.Auth;

namespace SlaMonitor.Server.Board;

/// <summary>
/// The board signs in with an API key exchanged for a cookie. Requests with an Authorization header keep using
/// the Bearer handler; others use the cookie, but a cookie alone authorises only GET/HEAD and requests carrying
/// <see cref="CsrfHeader"/> (a cross-site form cannot set it), and it is SameSite=Strict.
/// </summary>
public static class BoardAuth
{
    public const string CookieScheme = "BoardCookie";
    public const string SelectorScheme = "ApiKeyOrBoardCookie";
    public const string CsrfHeader = "X-SlaMonitor-Board";

    public static void AddBoardAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BoardKeys>();
        builder.Services.AddAuthentication(o => o.DefaultScheme = SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or board cookie", o => o.ForwardDefaultSelector = Select)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "SlaMonitor.Board";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Behind a TLS proxy the request the server sees may be plain HTTP: outside Development the cookie is Secure regardless.
                o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = Revalidate;
            });
    }

    private static string Select(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0)
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers.ContainsKey(CsrfHeader)
            ? CookieScheme
            : ApiKeyAuthenticationHandler.SchemeName;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>The key must still be configured; its current role and customers replace those in the cookie.</summary>
    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<BoardKeys>();
        var key = keys.FindByHash(context.Principal?.FindFirst(BoardKeys.KeyHashClaim)?.Value);
        if (key is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }

        context.ReplacePrincipal(BoardKeys.Principal(key, CookieScheme));
    }
}
