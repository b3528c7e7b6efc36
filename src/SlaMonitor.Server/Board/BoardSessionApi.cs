using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Board;

/// <summary>Sign-in (an API key exchanged for a cookie), who is signed in, sign-out.</summary>
public static class BoardSessionApi
{
    /// <summary>The key, and the page that sent the viewer to sign in.</summary>
    public sealed record SignIn(string? Key, string? ReturnUrl = null);

    /// <summary><paramref name="ReturnTo"/>, after a sign-in: where to go now, a path on this site.</summary>
    public sealed record Session(string Name, string Role, IReadOnlyList<string>? Customers, bool Developer, string? ReturnTo = null);

    public static void MapBoardSession(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/board/session").WithTags("Board").AllowAnonymous();
        group.MapPost("/", SignInAsync).WithName("signInToBoard")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests).WithSummary("Exchanges an API key (role admin, ops or accountManager) for the board's cookie.");
        group.MapGet("/", Current).WithName("getBoardSession").ProducesProblem(StatusCodes.Status401Unauthorized).WithSummary("Who is signed in to the board; 401 when nobody is.");
        group.MapDelete("/", (Delegate)SignOutAsync).WithName("signOutOfBoard").WithSummary("Signs out of the board.");
    }

    /// <summary>In Development without configured keys nobody needs to sign in: the page signs the viewer in as the developer.</summary>
    public static async Task<bool> EnsureSignedInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((await context.AuthenticateAsync(BoardAuth.CookieScheme)).Succeeded)
        {
            return true;
        }

        var keys = context.RequestServices.GetRequiredService<BoardKeys>();
        if (!keys.SignsInDeveloper)
        {
            return false;
        }

        await context.SignInAsync(BoardAuth.CookieScheme, BoardKeys.Principal(keys.Developer(), BoardAuth.CookieScheme));
        return true;
    }

    private static async Task<Results<Ok<Session>, ProblemHttpResult>> SignInAsync(
        SignIn body, HttpContext context, BoardKeys keys, FailedAuthentications failures)
    {
        var key = string.IsNullOrWhiteSpace(body.Key) ? null : keys.Find(body.Key.Trim());
        if (key is null)
        {
            return failures.Fail(context) is { } wait
                ? FailedAuthentications.TooMany(context, wait)
                : TypedResults.Problem("That API key is not known.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        if (!Roles.People.Contains(key.Role))
        {
            return TypedResults.Problem("A carrier key reads its delivery log through the API; the board is for people.", statusCode: StatusCodes.Status403Forbidden, title: "Sign-in refused");
        }

        var principal = BoardKeys.Principal(key, BoardAuth.CookieScheme);
        await context.SignInAsync(BoardAuth.CookieScheme, principal);
        return TypedResults.Ok(Describe(principal, keys) with { ReturnTo = ReturnPaths.Local(body.ReturnUrl) });
    }

    private static async Task<Results<Ok<Session>, UnauthorizedHttpResult>> Current(HttpContext context, BoardKeys keys)
    {
        var result = await context.AuthenticateAsync();
        return result.Succeeded && Roles.People.Any(result.Principal.IsInRole)
            ? TypedResults.Ok(Describe(result.Principal, keys))
            : TypedResults.Unauthorized();
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(BoardAuth.CookieScheme);
        return TypedResults.NoContent();
    }

    private static Session Describe(ClaimsPrincipal user, BoardKeys keys)
    {
        var scope = CustomerScope.Of(user);
        return new Session(
            user.Identity?.Name ?? "", user.FindFirst(ClaimTypes.Role)?.Value ?? "",
            scope.Customers?.Order(StringComparer.Ordinal).ToList(), keys.SignsInDeveloper);
    }
}
