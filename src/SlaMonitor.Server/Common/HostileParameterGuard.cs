namespace SlaMonitor.Server.Common;

/// <summary>
/// Query parameters and path values of the API (<c>/api</c>, <c>/board/api</c>) pass <see cref="SafeText"/> before
/// any endpoint reads them: a control character gets 400 naming the parameter (PostgreSQL would fail on NUL in a
/// filter; no code, id or filter holds one). Pages are left alone: the sign-in page must still open for a link
/// whose return path is hostile, which the sign-in itself refuses (Board/ReturnPaths).
/// </summary>
public static class HostileParameterGuard
{
    public static IApplicationBuilder UseHostileParameterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/board/api"))
            {
                await next(context);
                return;
            }

            var field = context.Request.Query.Where(q => SafeText.HasControl(q.Key) || q.Value.Any(v => SafeText.HasControl(v))).Select(q => q.Key).FirstOrDefault()
                ?? context.Request.RouteValues.Where(r => r.Value is string text && SafeText.HasControl(text)).Select(r => r.Key).FirstOrDefault();
            if (field is null)
            {
                await next(context);
                return;
            }

            var errors = new Dictionary<string, string[]> { [SafeText.HasControl(field) ? "query" : field] = [SafeText.Refusal] };
            await Results.ValidationProblem(errors, statusCode: StatusCodes.Status400BadRequest, title: "A parameter is invalid.").ExecuteAsync(context);
        });
}
