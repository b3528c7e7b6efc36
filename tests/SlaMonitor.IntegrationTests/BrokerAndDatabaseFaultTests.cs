using System.Diagnostics;
using System.Net;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 15, "Alerts that always arrive": the broker stopped for 30 s and the database restarted while events and
/// breaches flow, on servers of this class's own (<see cref="FaultServers"/>). The API answers 503 with Retry-After
/// (never 500) while it cannot confirm, the carriers' client sends those requests again as the contract says, and
/// without any restart of the API or the worker everything resumes: every accepted event stored once, every promise
/// equal to its fold, every escalation's alert at the webhook receiver under one id. docs/reliability.md.
/// </summary>
public sealed class BrokerAndDatabaseFaultTests(Servers servers, FaultServers faults) : IClassFixture<FaultServers>
{
    private const int EventCount = 6_000;
    private const int BreachCount = 60;
    private const int RequestSize = 200;
    private static readonly TimeSpan PostingTime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task RabbitMq_stopped_for_30_seconds_under_load_gets_503_not_500_loses_nothing_and_everything_resumes_by_itself()
    {
        var run = await FaultRun.StartAsync(servers, faults, "rabbitmq-stopped", seed: 30);
        await using (run)
        {
            var outage = Stopwatch.StartNew();
            await run.At(TimeSpan.FromSeconds(15), async () =>
            {
                await faults.StopRabbitMqAsync();
                outage.Restart();
                run.Note("RabbitMQ stopped (SIGKILL)");
                await Task.Delay(TimeSpan.FromSeconds(30));
                await faults.StartRabbitMqAsync();
                run.Note($"RabbitMQ started again, {outage.Elapsed.TotalSeconds:0.0} s after the stop");
            });

            await run.FinishAsync();
            Assert.True(run.Unavailable > 0, "no request was answered 503 while the broker was down");
        }
    }

    [Fact]
    public async Task PostgreSQL_restarted_twice_while_events_and_alerts_flow_gets_503_not_500_loses_nothing_and_everything_resumes_by_itself()
    {
        var run = await FaultRun.StartAsync(servers, faults, "postgres-restarted", seed: 31);
        await using (run)
        {
            // Once while events are posted, once when the breaching tickets' alerts go out (the ladder's step after one minute).
            foreach (var moment in new[] { TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(75) })
            {
                await run.At(moment, async () =>
                {
                    var restart = Stopwatch.StartNew();
                    await faults.RestartPostgresAsync();
                    run.Note($"PostgreSQL restarted (immediate stop, crash recovery) in {restart.Elapsed.TotalSeconds:0.0} s");
                });
            }

            await run.FinishAsync();
        }
    }

    /// <summary>One run: a database on the fault servers, an API and a worker host on them, the traffic posted paced, faults at moments, the checks.</summary>
    private sealed class FaultRun : IAsyncDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<string> _notes = [];
        private readonly List<string> _unexpected = [];
        private TestDatabase _database = null!;
        private AlertReceiver _receiver = null!;
        private SlaHost _api = null!;
        private SlaHost _worker = null!;
        private HttpClient _client = null!;
        private KillTraffic _traffic = null!;
        private Task _posting = Task.CompletedTask;
        private string _name = "";
        private int _accepted;
        private int _unavailable;
        private TimeSpan _lastUnavailable;
        private TimeSpan _longestWait;

        public int Unavailable => Volatile.Read(ref _unavailable);

        public static async Task<FaultRun> StartAsync(Servers servers, FaultServers faults, string name, int seed)
        {
            var run = new FaultRun { _name = name };
            run._database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, faults.PostgresAdmin);
            run._receiver = await AlertReceiver.StartAsync();
            var prefix = SlaHost.NewEndpointPrefix();
            var settings = Escalating.Settings(faults.BrokerSettings(), run._receiver);
            settings["Notifications:Alerts:FirstRetry"] = "00:00:01";
            settings["Notifications:Alerts:RetryCap"] = "00:00:05";
            settings["Notifications:Alerts:PollEvery"] = "00:00:00.200";
            // An alert whose try or record the outage cut off stays claimed until its lease passes (5 min by default,
            // longer than the drain's 4): it must come due again within the run, as it does after a short lease.
            settings["Notifications:Alerts:Lease"] = "00:00:10";
            settings["Scheduling:Wakeups:MaxSleep"] = "00:00:00.200";
            // The shared servers' settings are replaced by the fault servers' (BrokerSettings, the database).
            run._api = new SlaHost(servers, run._database, prefix, role: "api", settings: settings);
            run._worker = new SlaHost(servers, run._database, prefix, role: "worker", settings: settings);
            run._client = run._api.Admin();
            _ = run._worker.Services; // starts the worker host
            run._traffic = KillTraffic.Generate(EventCount, BreachCount, 0.05, RequestSize, Webhook.Now(), seed);
            await KillTrafficChecks.ConfigureAsync(run._client, run._receiver.Url, BreachCount);
            run._clock.Restart();
            run._posting = run.PostAsync();
            return run;
        }

        public void Note(string what)
        {
            lock (_notes)
            {
                _notes.Add($"{_clock.Elapsed.TotalSeconds:0.0} s: {what}");
            }
        }

        public async Task At(TimeSpan moment, Func<Task> fault)
        {
            if (moment > _clock.Elapsed)
            {
                await Task.Delay(moment - _clock.Elapsed);
            }

            await fault();
        }

        public async Task FinishAsync()
        {
            await _posting;
            Note($"every request accepted: {_accepted} events (resends included), {_unavailable} answers 503, the last at {_lastUnavailable.TotalSeconds:0.0} s, longest wait for a 202 {_longestWait.TotalSeconds:0.0} s");
            await KillTrafficChecks.DrainAsync(_database, _traffic, DrainDeadline);
            Note("drained: every event stored, every escalation at the account managers, every alert sent, the outbox empty");
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a late duplicate to show up
            await ReportAsync();

            Assert.True(_unexpected.Count == 0, $"answers other than 202 and 503: {string.Join("; ", _unexpected.Take(5))}");
            var alerts = await KillTrafficChecks.AssertStoredOnceFoldedAndEscalatedAsync(_database, _traffic, DrainDeadline);
            var (requests, distinct) = KillTrafficChecks.AssertOneWebhookAlertIdPerEscalation(_receiver, alerts);
            Note($"checked: {_traffic.Events.Count} distinct events stored once, {_traffic.Tickets.Count} promises equal to their fold, {alerts.Count} alerts; webhook: {requests} requests, {distinct} distinct alertIds, {requests - distinct} redeliveries");
            await ReportAsync();
        }

        /// <summary>To the test output and to <c>/tmp/slamonitor-fault-{name}.summary.txt</c> (docs/reliability.md quotes it).</summary>
        private async Task ReportAsync()
        {
            var report = string.Join(Environment.NewLine, [$"fault run {_name}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores", .. _notes]);
            TestContext.Current.SendDiagnosticMessage(report);
            await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"slamonitor-fault-{_name}.summary.txt"), report);
        }

        /// <summary>Every request paced over <see cref="PostingTime"/>, each sent again after a 503 (as Retry-After says, at most a second later here) until it is accepted.</summary>
        private async Task PostAsync()
        {
            await Task.Yield();
            var total = _traffic.Requests.Sum(r => r.Events);
            var sent = 0;
            foreach (var (carrier, body, events) in _traffic.Requests)
            {
                var first = _clock.Elapsed;
                while (true)
                {
                    using var response = await SignedEvents.PostAsync(_client, body, Webhook.Now(), carrier);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        break;
                    }

                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
                    {
                        Interlocked.Increment(ref _unavailable);
                        _lastUnavailable = _clock.Elapsed;
                        await Task.Delay(TimeSpan.FromSeconds(1));
                        continue;
                    }

                    _unexpected.Add($"{(int)response.StatusCode} at {_clock.Elapsed.TotalSeconds:0.0} s: {await response.Content.ReadAsStringAsync()}");
                    break;
                }

                _longestWait = TimeSpan.FromTicks(Math.Max(_longestWait.Ticks, (_clock.Elapsed - first).Ticks));
                sent += events;
                _accepted = sent;
                var due = PostingTime * ((double)sent / total);
                if (due > _clock.Elapsed)
                {
                    await Task.Delay(due - _clock.Elapsed);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            if (_worker is not null)
            {
                await _worker.DisposeAsync();
            }

            if (_api is not null)
            {
                await _api.DisposeAsync();
            }

            if (_receiver is not null)
            {
                await _receiver.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
