using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlaMonitor.LoadGen;

/// <summary>
/// The alerting customer's webhook, served by the load tool on loopback: answers 200 at once, or, while
/// <see cref="Hanging"/>, holds every request for a minute without answering, like a customer endpoint that is down
/// behind a proxy that keeps the connection open.
/// </summary>
internal sealed class AlertEndpoint : IAsyncDisposable
{
    public static readonly TimeSpan HangFor = TimeSpan.FromSeconds(60);
    private readonly WebApplication _app;
    private int _requests;

    private AlertEndpoint(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public bool Hanging { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<AlertEndpoint> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new AlertEndpoint(app, new Uri($"http://127.0.0.1:{port}/alerts"));
        app.MapPost("/alerts", async (HttpContext context) =>
        {
            Interlocked.Increment(ref endpoint._requests);
            if (endpoint.Hanging)
            {
                await Task.Delay(HangFor, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return endpoint;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
