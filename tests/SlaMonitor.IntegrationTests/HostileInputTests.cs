using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 16, "every input, every provider": FsCheck generates hostile requests (<see cref="HostileRequests"/>: control
/// characters in every text, out-of-range and malformed instants, wrong types, huge texts, bad signatures, malformed
/// EasyPost bodies, hostile query parameters and paths, bodies that are not JSON) and sends them to a server on real
/// PostgreSQL (which refuses NUL in text and dates SQLite stores) and RabbitMQ. Every one is refused with a 4xx, none
/// gets a 5xx, and nothing in the database changes. Seeded: the same requests on every run.
/// </summary>
public sealed class HostileInputTests(Servers servers)
{
    /// <summary>10,000 in CI; <c>SLAMONITOR_HOSTILE_REQUESTS</c> runs more.</summary>
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("SLAMONITOR_HOSTILE_REQUESTS"), out var n) ? n : 10_000;
    private const ulong Seed = 16;

    /// <summary>Logs of what was received (every refused webhook request is in the carrier's delivery log by design), not state.</summary>
    private static readonly string[] LogTables = ["WebhookDeliveries", "NotificationDeliveries"];

    /// <summary>The workers' heartbeats (which process is alive to share the ingest partitions), written every few seconds whatever arrives.</summary>
    private static readonly string[] HeartbeatTables = ["IngestWorkers"];

    [Fact]
    public async Task Ten_thousand_generated_hostile_requests_on_PostgreSQL_get_4xx_never_5xx_and_change_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        // The failed-authentication limit per address lifted too: every bad signature is answered for what it is (401).
        await using var host = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: new Dictionary<string, string?> { ["FailedAuthentication:Burst"] = "100000" });
        // Over real HTTP (Kestrel on loopback): what Kestrel refuses itself (NUL in a path) is part of what is sent.
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) }.AsAdmin();
        await TestSetup.ConfigureAsync(client);
        // Rate limits lifted: a 429 would stop a request before the rules this test is about.
        var carrier = TestSetup.CarrierBody();
        carrier["requestsPerSecond"] = 100_000;
        await Escalating.PutAsync(client, $"/api/v1/carriers/{TestSetup.Carrier}", carrier);
        var easyPost = TestSetup.CarrierBody();
        easyPost["requestsPerSecond"] = 100_000;
        easyPost["format"] = "easypost";
        easyPost["secret"] = HostileRequests.EasyPostSecret;
        await Escalating.PutAsync(client, $"/api/v1/carriers/{HostileRequests.EasyPostCarrier}", easyPost);
        // One promise, so reads and changes of an existing one are part of what must not change; closed (met), so no
        // wake-up re-evaluates it while the requests run (a change no request made).
        await Webhook.PostAcceptedAsync(client, SignedEvents.Batch(
            SignedEvents.Opened("HOSTILE-EXISTING", Webhook.Now() - Duration.FromMinutes(10)),
            SignedEvents.Event("HOSTILE-EXISTING", "repair", TestSetup.FulfilledBy, Webhook.Now() - Duration.FromMinutes(5))));
        await Eventually.UntilAsync(
            () => database.CountAsync("SELECT COUNT(*) FROM \"Promises\" WHERE \"ClosedAt\" IS NOT NULL"), c => c == 1, "the promise to exist, met");
        await Eventually.UntilAsync(() => database.CountAsync("SELECT COUNT(*) FROM \"Outbox\""), c => c == 0, "its status messages published");
        var before = await SnapshotAsync(database);

        var now = SystemClock.Instance.GetCurrentInstant();
        var requests = HostileRequests.Any(now).Sample(Count, new Rnd(Seed), 50);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var request in requests)
        {
            using var message = HostileRequests.ToMessage(request, SystemClock.Instance.GetCurrentInstant());
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is < 400 or >= 500)
            {
                failures.Add($"{status} for {request} → {await response.Content.ReadAsStringAsync()}");
            }
        }

        var summary = $"{requests.Length} hostile requests (seed {Seed}): " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}"));
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "slamonitor-hostile.summary.txt"), summary);
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Length} not answered 4xx; the first: {string.Join(Environment.NewLine, failures.Take(15))}");

        // Anything a worker would apply has had time to arrive: nothing has.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = await SnapshotAsync(database);
        var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key}: {t.Value} → {after.GetValueOrDefault(t.Key)}").ToList();
        Assert.True(changed.Count == 0, "tables changed: " + string.Join("; ", changed));
    }

    /// <summary>Each table's row count and a hash of its rows, but for the logs of what was received and the heartbeats.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Except(LogTables).Except(HeartbeatTables).Order(StringComparer.Ordinal).ToList();
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = await database.CountAsync($"SELECT COUNT(*) FROM \"{table}\"");
            var hash = await database.TextAsync($"SELECT COALESCE(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \"{table}\" t");
            snapshot[table] = $"{rows} rows, {hash}";
        }

        return snapshot;
    }
}
