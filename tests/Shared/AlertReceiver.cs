using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlaMonitor.Tests.Shared;

/// <summary>
/// A customer's alert endpoint: a real Kestrel listener on a free loopback port that records every request
/// (body bytes and SlaMonitor-Signature header) and answers 500 to the first <c>failFirst</c> requests, then 200.
/// With <c>delay</c> each answer takes that long, like a real customer endpoint across a network.
/// <see cref="MovedUrl"/> answers every request with a redirect to <see cref="Url"/> and records nothing.
/// </summary>
public sealed class AlertReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private AlertReceiver(WebApplication app) => _app = app;

    public sealed record Request(int Number, byte[] Body, string? Signature, int Answered, DateTimeOffset At);

    public ConcurrentQueue<Request> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public Uri MovedUrl => new(Url, "/moved");

    /// <summary>The <c>host:port</c> to list in <c>Notifications:Webhook:AllowedTargets</c> (the receiver is on loopback).</summary>
    public string Target => $"{Url.Host}:{Url.Port}";

    public static async Task<AlertReceiver> StartAsync(int failFirst = 0, TimeSpan delay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new AlertReceiver(app);
        app.MapPost("/alerts", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            var number = Interlocked.Increment(ref receiver._requests);
            var status = number <= failFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            receiver.Requests.Enqueue(new Request(
                number, body.ToArray(), context.Request.Headers["SlaMonitor-Signature"].FirstOrDefault(), status, DateTimeOffset.UtcNow));
            return Results.StatusCode(status);
        });
        app.MapPost("/moved", () => Results.Redirect("/alerts", permanent: false, preserveMethod: true));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri($"{address.TrimEnd('/')}/alerts");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
