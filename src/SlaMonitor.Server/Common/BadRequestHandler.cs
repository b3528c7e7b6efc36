using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace SlaMonitor.Server.Common;

/// <summary>
/// A body or parameter that could not be read (malformed JSON, a wrong type, a refused text, a number out of range)
/// gets 400 problem details naming the field, in every environment; nothing from the request was applied.
/// (<c>RouteHandlerOptions.ThrowOnBadRequest</c> is on, so minimal APIs hand such failures here.)
/// </summary>
public sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (field, message) = Describe(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
            },
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return JsonErrors.Describe(json);
        }

        var parameter = ParameterName().Match(bad.Message);
        return parameter.Success ? (parameter.Groups["name"].Value, "is not a valid value of its type, or is out of range.") : ("request", bad.Message);
    }

    [GeneratedRegex("""parameter "\S+ (?<name>\w+)" """)]
    private static partial Regex ParameterName();
}
