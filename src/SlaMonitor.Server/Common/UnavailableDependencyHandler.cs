using System.Data.Common;
using System.Net.Sockets;
using MassTransit;
using Microsoft.AspNetCore.Diagnostics;

namespace SlaMonitor.Server.Common;

/// <summary>
/// A request that failed because the database or the broker could not be reached gets 503 with Retry-After, not 500:
/// nothing from it was accepted, and the sender (a carrier's webhook client, say) should simply try again. Every
/// other exception stays a 500.
/// </summary>
public sealed class UnavailableDependencyHandler(IProblemDetailsService problems, ILogger<UnavailableDependencyHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!IsUnavailable(exception))
        {
            return false;
        }

        logger.LogWarning("{Method} {Path} answered 503: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The database or the message broker cannot be reached right now; nothing from this request was accepted. Try again shortly.",
            },
        });
    }

    /// <summary>Transient database failures, broker connection failures, sockets and timeouts, anywhere in the chain.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or SocketException or TimeoutException or ConnectionException or RabbitMqConnectionException
                || (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable)))
            {
                return true;
            }
        }

        return false;
    }
}
