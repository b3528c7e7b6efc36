namespace SlaMonitor.Server.Hosting;

/// <summary>
/// Headers every response carries: a Content-Security-Policy that allows only this site's own files (the board has no
/// inline script or style, and loads no CDN), no MIME sniffing, no framing, and no full URLs in the Referer.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar) starts itself with an inline script and styles itself inline; still nothing from elsewhere.</summary>
    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferencePagePath = "/docs";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // On starting, not now: the exception handler clears the headers of a response it replaces.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ReferencePagePath) ? ReferencePagePolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
