using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Ingest.Webhooks;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// The webhook on a real Kestrel listener, PostgreSQL and RabbitMQ, attacked by a sender without any secret from
/// another loopback address (127.0.0.2): the real carrier never notices, and made-up carrier codes leave nothing behind.
/// </summary>
public sealed class WebhookFloodTests(Servers servers)
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task A_signed_request_succeeds_while_a_thousand_unsigned_ones_arrive_from_another_address_and_the_carrier_gets_no_429()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        var address = Listen(app);
        using var carrier = From(IPAddress.Loopback, address);
        using var attacker = From(Attacker, address);
        await TestSetup.ConfigureAsync(carrier.AsAdmin());
        carrier.DefaultRequestHeaders.Authorization = null;
        // A small rate: under the old order (rate, then signature) the flood would have drained it many times over.
        await PutCarrierRateAsync(address, requestsPerSecond: 20);

        // Twenty rounds, each fifty unsigned requests and one signed one at the same time: twenty signed in all, within the
        // carrier's own twenty a second, while the unsigned ones alone would have drained its bucket every round.
        var flood = new ConcurrentBag<HttpStatusCode>();
        var signed = new List<HttpStatusCode>();
        for (var round = 0; round < 20; round++)
        {
            var unsigned = Enumerable.Range(round * 50, 50).Select(async i =>
            {
                using var response = await attacker.PostAsync($"/api/v1/carriers/{TestSetup.Carrier}/events", Unsigned(i));
                flood.Add(response.StatusCode);
            }).ToList();
            signed.Add(await PostSignedAsync(carrier, $"FLOOD-{round}"));
            await Task.WhenAll(unsigned);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"flood: {flood.Count(s => s == HttpStatusCode.Unauthorized)} × 401, {flood.Count(s => s == HttpStatusCode.TooManyRequests)} × 429; "
            + $"carrier: {signed.Count} signed, {signed.Count(s => s == HttpStatusCode.TooManyRequests)} × 429");
        Assert.Equal(0, signed.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(signed, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(1000, flood.Count);
        Assert.All(flood, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.Contains(HttpStatusCode.TooManyRequests, flood);
        using var admin = From(IPAddress.Loopback, address).AsAdmin();
        var log = await Eventually.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{TestSetup.Carrier}/deliveries?limit=1"),
            page => page.GetProperty("total").GetInt32() >= signed.Count,
            "every signed request in the delivery log");
        Assert.Equal(signed.Count, log.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_hundred_thousand_requests_to_random_unknown_carrier_codes_leave_the_carrier_and_limiter_state_bounded()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        var address = Listen(app);
        using var client = From(Attacker, address);
        using (var admin = From(IPAddress.Loopback, address).AsAdmin())
        {
            await TestSetup.ConfigureAsync(admin);
        }

        var failures = await PostToUnknownCodesAsync(client, 2_000); // warm-up: code paths compiled, pools filled
        var before = Memory();
        failures.AddRange(await PostToUnknownCodesAsync(client, 100_000));
        var after = Memory();

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"managed heap {before.Heap / 1024} KiB → {after.Heap / 1024} KiB; working set {before.WorkingSet / 1024} KiB → {after.WorkingSet / 1024} KiB");
        Assert.All(failures, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.Equal(1, app.Services.GetRequiredService<CarrierDirectory>().Count);
        Assert.Equal(0, app.Services.GetRequiredService<CarrierRates>().Count);
        Assert.Equal(1, app.Services.GetRequiredService<FailedAuthentications>().TrackedAddresses);
    }

    private static async Task<List<HttpStatusCode>> PostToUnknownCodesAsync(HttpClient client, int count)
    {
        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var response = await client.PostAsync($"/api/v1/carriers/X{Guid.NewGuid():N}/events", Unsigned(i), ct);
            statuses.Add(response.StatusCode);
        });
        return [.. statuses];
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    private static Uri Listen(SlaHost app)
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A client whose connections leave from <paramref name="local"/> (any 127.x address reaches the listener on Linux).</summary>
    private static HttpClient From(IPAddress local, Uri server) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = server };

    private static StringContent Unsigned(int i) =>
        new(SignedEvents.Opened($"UNSIGNED-{i}", Webhook.Now()).ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<HttpStatusCode> PostSignedAsync(HttpClient client, string ticketRef)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await SignedEvents.PostAsync(client, SignedEvents.Opened(ticketRef, Webhook.Now() - Duration.FromMinutes(5)), Webhook.Now());
            // 503: the broker did not confirm in time on a loaded machine; the contract tells a carrier to send again.
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                return response.StatusCode;
            }
        }
    }

    private static async Task PutCarrierRateAsync(Uri server, int requestsPerSecond)
    {
        using var admin = From(IPAddress.Loopback, server).AsAdmin();
        var body = TestSetup.CarrierBody();
        body["requestsPerSecond"] = requestsPerSecond;
        (await admin.PutAsJsonAsync($"/api/v1/carriers/{TestSetup.Carrier}", body)).EnsureSuccessStatusCode();
    }
}
