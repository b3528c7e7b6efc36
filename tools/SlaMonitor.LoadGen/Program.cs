using SlaMonitor.LoadGen;

// dotnet run --project tools/SlaMonitor.LoadGen -c Release -- --server http://127.0.0.1:5080 --postgres "<npgsql>" --rabbitmq amqp://guest:guest@127.0.0.1:5672/ --seconds 60 [--phases batched,single,paced] [--warm-up 30]
var options = LoadOptions.Parse(args);
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
var webhook = new WebhookClient(http, options);
await webhook.ConfigureAsync();
var journeys = new Journeys(OlistStages.Read(options.OlistFolder), options.DuplicateShare, $"{DateTime.UtcNow:HHmmss}");
var probe = new StoreProbe(options.Postgres, journeys.TicketPrefix);
var duration = TimeSpan.FromSeconds(options.Seconds);

Console.WriteLine($"Raw RabbitMQ publish ceiling ({options.Seconds / 6} s, persistent, confirms, 64 in flight)…");
var ceiling = await BrokerCeiling.MeasureAsync(options.RabbitMq, TimeSpan.FromSeconds(Math.Max(5, options.Seconds / 6)), messageBytes: 700, inFlight: 64);
Console.WriteLine($"ceiling: {ceiling:0} messages/s");

// Phases run one after the other on the same server (--phases picks some: batched,single,paced); the batched
// phase runs for --seconds, the others for half of it.
var results = new List<PhaseResult>();
if (options.WarmUpSeconds > 0)
{
    // Not reported: lets tiered compilation settle, so what is measured is not the server's first minute.
    await new TrafficPhase(webhook, journeys, probe, null).RunAsync("warm-up", 10, options.Concurrency, TimeSpan.FromSeconds(options.WarmUpSeconds), options.LatencyRate);
}

if (options.Phases.Contains("batched"))
{
    results.Add(await new TrafficPhase(webhook, journeys, probe, null).RunAsync($"batched ({options.BatchSize}/request)", options.BatchSize, 4, duration, null));
}

PhaseResult? single = null;
if (options.Phases.Contains("single"))
{
    single = await new TrafficPhase(webhook, journeys, probe, null).RunAsync("single-event", 1, options.Concurrency * 4, duration / 2, null);
    results.Add(single);
}

LatencyProbe? latency = null;
if (options.Phases.Contains("paced"))
{
    latency = new LatencyProbe(webhook);
    results.Add(await new TrafficPhase(webhook, journeys, probe, latency).RunAsync($"paced {options.LatencyRate} ev/s", 10, options.Concurrency, duration / 2, options.LatencyRate));
}

Console.WriteLine();
Console.WriteLine("| phase | accepted events | accepted ev/s | stored+evaluated ev/s (end to end) | errors |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var phase in results)
{
    Console.WriteLine($"| {phase.Name} | {phase.Accepted} | {phase.AcceptedPerSecond:0} | {phase.EvaluatedPerSecond:0} | {phase.Errors} {phase.ErrorKinds} |");
}

Console.WriteLine();
Console.WriteLine($"raw broker ceiling: {ceiling:0} msg/s" + (single is null ? "" : $"; single-event webhook accepted / ceiling = {single.AcceptedPerSecond / ceiling:P0}"));
if (latency is not null)
{
    var visible = await latency.ResultAsync();
    Console.WriteLine($"accept → visible at {options.LatencyRate} ev/s: p50 {visible.P50:0} ms, p90 {visible.P90:0} ms, p99 {visible.P99:0} ms, max {visible.Max:0} ms ({visible.Samples} samples)");
}
