using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Board;

/// <summary>
/// The board's HTML pages. Outside Development (or when keys are configured) a viewer without the board's cookie is
/// sent to the sign-in page first; scripts, styles and libraries are public static files carrying no data.
/// </summary>
public static class BoardPages
{
    public static void MapBoardPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext c, IWebHostEnvironment env) => Page(c, env, "board.html", requireSignIn: true)).ExcludeFromDescription();
        app.MapGet(PromiseLinks.PageRoute, (HttpContext c, IWebHostEnvironment env) => Page(c, env, "promise.html", requireSignIn: true)).ExcludeFromDescription();
        app.MapGet("/reports", (HttpContext c, IWebHostEnvironment env) => Page(c, env, "reports.html", requireSignIn: true)).ExcludeFromDescription();
        app.MapGet("/signin", (HttpContext c, IWebHostEnvironment env) => Page(c, env, "signin.html", requireSignIn: false)).ExcludeFromDescription();
    }

    private static async Task<IResult> Page(HttpContext context, IWebHostEnvironment environment, string file, bool requireSignIn)
    {
        if (requireSignIn && !await BoardSessionApi.EnsureSignedInAsync(context))
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            return TypedResults.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var page = environment.WebRootFileProvider.GetFileInfo(file);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Stream(page.CreateReadStream(), "text/html; charset=utf-8");
    }
}
