using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Demo;

/// <summary>
/// Posts signed events through the real webhook so a newcomer sees promises open, move and close.
/// Tickets open backdated by up to ~4h20m, so 4-hour promises reach their deadline within minutes.
/// Logs one summary line per minute (<see cref="DemoTrafficTally"/>); HttpClient's own per-request lines are
/// at Warning in appsettings.json.
/// </summary>
public sealed class DemoTrafficGenerator(
    IOptions<DemoOptions> options, IHttpClientFactory httpClients, IServer server, IHostApplicationLifetime lifetime,
    IClock clock, ILogger<DemoTrafficGenerator> logger) : BackgroundService
{
    public const string HttpClientName = "demo";
    private static readonly string[] ServiceLevels = ["4H-ONSITE", "NBD-1700", "8BH-PARTS"];
    private readonly Random _random = new();
    private readonly List<DemoTicket> _open = [];
    private int _next;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStart(stoppingToken))
        {
            return;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            logger.LogWarning("Demo traffic is off: the server has no HTTP address");
            return;
        }

        var client = httpClients.CreateClient(HttpClientName);
        client.BaseAddress = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal));
        logger.LogInformation("Demo traffic: {Rate} events/s through {Address}", options.Value.EventsPerSecond, client.BaseAddress);
        var tally = new DemoTrafficTally(clock);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / options.Value.EventsPerSecond));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                tally.Posted(await PostNext(client, tally, stoppingToken));
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !stoppingToken.IsCancellationRequested))
            {
                // A timed-out request (TaskCanceledException) is a failed demo event too, not the end of the demo.
                tally.Posted(delivered: false);
                logger.LogWarning(e, "Demo event was not delivered");
            }

            if (tally.TakeFinishedMinute() is { } minute)
            {
                logger.LogInformation(
                    "Demo traffic, last minute: {Posted} events posted, {Opened} tickets opened, {Closed} closed, {Failed} failed",
                    minute.Posted, minute.Opened, minute.Closed, minute.Failed);
            }
        }
    }

    private async Task<bool> WaitForStart(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, stoppingToken));
        return started.Task.IsCompleted;
    }

    /// <returns>Whether the event was accepted (a 2xx answer).</returns>
    private async Task<bool> PostNext(HttpClient client, DemoTrafficTally tally, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (_open.Count < options.Value.OpenTickets && (_open.Count == 0 || _random.NextDouble() < 0.25))
        {
            tally.TicketOpened();
            return await Post(client, "FIELDFORCE", Opening(now), ct);
        }

        var ticket = _open[_random.Next(_open.Count)];
        var step = ticket.Steps.Dequeue();
        if (ticket.Steps.Count == 0 || step.Code == "CANCELLED")
        {
            _open.Remove(ticket);
            tally.TicketClosed();
        }

        return await Post(client, step.Carrier, Event(ticket, step, now), ct);
    }

    private Dictionary<string, object?> Opening(Instant now)
    {
        var site = DemoData.Sites[_random.Next(DemoData.Sites.Count)];
        var level = ServiceLevels[_random.Next(ServiceLevels.Length)];
        var ticketRef = $"TCK-{now.ToUnixTimeSeconds() % 1_000_000:000000}-{++_next:0000}";
        var ticket = new DemoTicket(ticketRef, $"1Z{_random.NextInt64(1_000_000_000, 9_999_999_999)}", site.Code, site.Body.TimeZone!, DemoScripts.For(level, site.Code, _random));
        _open.Add(ticket);
        var openedAt = now - Duration.FromMinutes(_random.Next(0, 260));
        var body = Event(ticket, new DemoStep("FIELDFORCE", "repair", "OPENED", site.Code), openedAt);
        body["opened"] = new { customer = site.Customer, site = site.Code, serviceLevel = level };
        return body;
    }

    private Dictionary<string, object?> Event(DemoTicket ticket, DemoStep step, Instant at) => new()
    {
        ["eventId"] = $"{ticket.TicketRef}-{step.Code}-{_random.Next(1_000_000):000000}",
        ["kind"] = step.Kind,
        ["code"] = step.Code,
        ["occurredAt"] = OffsetDateTimePattern.ExtendedIso.Format(at.InZone(DateTimeZoneProviders.Tzdb[ticket.TimeZone]).ToOffsetDateTime()),
        ["ticketRef"] = ticket.TicketRef,
        ["shipmentRef"] = step.Kind == "repair" ? null : ticket.ShipmentRef,
        ["location"] = step.Location is null ? null : new { code = step.Location },
        ["reason"] = step.Reason,
    };

    private async Task<bool> Post(HttpClient client, string carrier, Dictionary<string, object?> body, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body.Where(kv => kv.Value is not null).ToDictionary());
        var secret = DemoData.Carriers.First(c => c.Code == carrier).Secret;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carriers/{carrier}/events") { Content = content };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, clock.GetCurrentInstant().ToUnixTimeSeconds(), bytes));
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Demo event answered {Status}: {Body}", (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        return response.IsSuccessStatusCode;
    }
}
