namespace SlaMonitor.Server.Common;

/// <summary>
/// Query parameters and path values pass <see cref="SafeText"/> before any endpoint reads them: a control character
/// gets 400 naming the parameter (PostgreSQL would fail on NUL in a filter; no code, id or filter holds one).
/// </summary>
public static class HostileParameterGuard
{
    public static IApplicationBuilder UseHostileParameterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
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
