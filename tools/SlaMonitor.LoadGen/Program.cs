using SlaMonitor.LoadGen;

// dotnet run --project tools/SlaMonitor.LoadGen -c Release -- --server http://127.0.0.1:5080 --postgres "<npgsql>" --rabbitmq amqp://guest:guest@127.0.0.1:5672/ --seconds 60 [--phases batched,single,paced,hanging,soak] [--warm-up 30] [--breaches 10 --alert-port 5099] [--soak-seconds 600 --server-pids 123,456]
var options = LoadOptions.Parse(args);
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
var webhook = new WebhookClient(http, options);
var runId = $"{DateTime.UtcNow:HHmmss}";
var journeys = new Journeys(OlistStages.Read(options.OlistFolder), options.DuplicateShare, runId);
var probe = new StoreProbe(options.Postgres, journeys.TicketPrefix);
var duration = TimeSpan.FromSeconds(options.Seconds);

// With --alert-port the customers' alert webhook is served here: answering at once, or hanging a minute per request in
// the hanging phases. With --breaches, a second customer's tickets breach at once at that rate in the paced and hanging
// phases, besides the running-late share of the main traffic (Journeys).
await using var alertEndpoint = options.AlertPort > 0 ? await AlertEndpoint.StartAsync(options.AlertPort) : null;
await webhook.ConfigureAsync(alertEndpoint?.Url);
var breaches = alertEndpoint is null || options.BreachesPerSecond <= 0 ? null : new BreachTraffic(runId);
if (breaches is not null)
{
    await webhook.ConfigureAlertingCustomerAsync(alertEndpoint!.Url);
}

if (options.Phases is ["seed"])
{
    // History for the lane statistics (run.sh restarts the server afterwards: it builds them at start-up).
    var seeded = await new TrafficPhase(webhook, journeys, probe, null).RunAsync("seed history", options.BatchSize, 4, duration, null);
    Console.WriteLine($"seeded: {seeded.StoredDistinct} events stored and evaluated; {seeded.Traffic}");
    return;
}

Console.WriteLine($"Raw RabbitMQ publish ceiling ({options.Seconds / 6} s, persistent, confirms, 64 in flight)…");
var ceiling = await BrokerCeiling.MeasureAsync(options.RabbitMq, TimeSpan.FromSeconds(Math.Max(5, options.Seconds / 6)), messageBytes: 700, inFlight: 64);
Console.WriteLine($"ceiling: {ceiling:0} messages/s");

// Phases run in the order given on the same server; the batched phase runs for --seconds, the others for half of it.
var results = new List<PhaseResult>();
if (options.WarmUpSeconds > 0)
{
    // Not reported: lets tiered compilation settle, so what is measured is not the server's first minute.
    await new TrafficPhase(webhook, journeys, probe, null).RunAsync("warm-up", 10, options.Concurrency, TimeSpan.FromSeconds(options.WarmUpSeconds), options.LatencyRate);
}

PhaseResult? single = null;
string? memory = null;
foreach (var phase in options.Phases)
{
    switch (phase)
    {
        case "batched":
            results.Add(await new TrafficPhase(webhook, journeys, probe, null).RunAsync($"batched ({options.BatchSize}/request)", options.BatchSize, 4, duration, null));
            break;
        case "single":
            single = await new TrafficPhase(webhook, journeys, probe, null).RunAsync("single-event", 1, options.Concurrency * 4, duration / 2, null);
            results.Add(single);
            break;
        case "soak":
            // Paced traffic for --soak-seconds while the server processes' memory is sampled.
            var soakTraffic = new TrafficPhase(webhook, journeys, probe, new LatencyProbe(probe, options.Carrier))
                .RunAsync($"soak {options.LatencyRate} ev/s for {options.SoakSeconds} s", 10, options.Concurrency, TimeSpan.FromSeconds(options.SoakSeconds), options.LatencyRate);
            memory = await new ServerMemory(options.ServerPids).WatchAsync(soakTraffic);
            results.Add(await soakTraffic);
            break;
        default:
            var hanging = phase == "hanging";
            if (alertEndpoint is not null)
            {
                alertEndpoint.Hanging = hanging;
            }

            var name = $"paced {options.LatencyRate} ev/s" + (breaches is null ? "" : $" + {options.BreachesPerSecond} breaches/s, alert endpoint {(hanging ? $"hanging {AlertEndpoint.HangFor.TotalSeconds:0} s" : "answering")}");
            var latency = new LatencyProbe(probe, options.Carrier);
            results.Add(await new TrafficPhase(webhook, journeys, probe, latency, breaches is null ? null : (breaches, options.BreachesPerSecond))
                .RunAsync(name, 10, options.Concurrency, duration / 2, options.LatencyRate));
            break;
    }
}

Console.WriteLine();
Console.WriteLine("| phase | accepted events (resends included) | accepted ev/s | distinct events stored+evaluated | stored+evaluated ev/s (end to end) | errors | accept → evaluated (other customers' events) |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var phase in results)
{
    Console.WriteLine($"| {phase.Name} | {phase.Accepted} | {phase.AcceptedPerSecond:0} | {phase.StoredDistinct} | {phase.EvaluatedPerSecond:0} | {phase.Errors} {phase.ErrorKinds} | {phase.Latency?.ToString() ?? "–"}{(phase.Breaches > 0 ? $"; {phase.Breaches} breaching tickets" : "")} |");
}

Console.WriteLine();
Console.WriteLine("Traffic sent, per phase (measured):");
foreach (var phase in results)
{
    Console.WriteLine($"- {phase.Name}: {phase.Traffic}");
}

Console.WriteLine($"Server side: {await probe.OutcomesAsync()}");

Console.WriteLine();
Console.WriteLine($"raw broker ceiling: {ceiling:0} msg/s" + (single is null ? "" : $"; single-event webhook accepted / ceiling = {single.AcceptedPerSecond / ceiling:P0}"));
if (alertEndpoint is not null)
{
    Console.WriteLine($"alert endpoint: {alertEndpoint.Requests} requests received");
}

if (memory is not null)
{
    Console.WriteLine(memory);
}
