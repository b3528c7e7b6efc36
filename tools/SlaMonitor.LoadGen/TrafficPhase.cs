using System.Globalization;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace SlaMonitor.LoadGen;

/// <summary>
/// Sends requests of <c>batchSize</c> events from <c>concurrency</c> senders for a while (optionally
/// paced to a rate), prints a progress line each second, then waits until the server has stored and
/// evaluated everything accepted. With <c>breaches</c>, another sender posts that many breaching tickets of the
/// alerting customer a second alongside.
/// </summary>
internal sealed class TrafficPhase(WebhookClient webhook, Journeys journeys, StoreProbe probe, LatencyProbe? latency, (BreachTraffic Traffic, int PerSecond)? breaches = null)
{
    private readonly ConcurrentDictionary<string, byte> _opened = new(StringComparer.Ordinal);

    public async Task<PhaseResult> RunAsync(string name, int batchSize, int concurrency, TimeSpan duration, int? eventsPerSecond)
    {
        var storedBefore = await probe.StoredAsync();
        var tallyBefore = journeys.Tally;
        long accepted = 0, sent = 0, errors = 0;
        var errorKinds = new ConcurrentDictionary<string, int>();
        // A resend posted before the first copy is stored is accepted twice but stored once: drain to the distinct count.
        var distinct = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.Write(
            $"\r{name}: {clock.Elapsed.TotalSeconds,5:0}s sent {Interlocked.Read(ref sent),9} accepted {Interlocked.Read(ref accepted),9} ({Interlocked.Read(ref accepted) / clock.Elapsed.TotalSeconds,8:0}/s) errors {Interlocked.Read(ref errors)}   "),
            null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var breaching = breaches is { } b ? PostBreachesAsync(b.Traffic, b.PerSecond, clock, duration) : Task.FromResult(0);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                if (eventsPerSecond is { } rate && Interlocked.Read(ref sent) > rate * clock.Elapsed.TotalSeconds)
                {
                    await Task.Delay(1);
                    continue;
                }

                var events = journeys.Next(batchSize);
                Interlocked.Add(ref sent, events.Count);
                try
                {
                    var (status, ids) = await webhook.PostAsync(events);
                    if (status == System.Net.HttpStatusCode.Accepted)
                    {
                        Interlocked.Add(ref accepted, ids.Count);
                        var first = ids.Where(id => distinct.TryAdd(id, 0)).ToHashSet(StringComparer.Ordinal);
                        Sample(events, first);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        errorKinds.AddOrUpdate(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    }
                }
                catch (HttpRequestException e)
                {
                    Interlocked.Increment(ref errors);
                    errorKinds.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }));
        var breached = await breaching;
        var sending = clock.Elapsed;
        progress.Change(Timeout.Infinite, Timeout.Infinite);
        while (true)
        {
            var stored = await probe.StoredAsync();
            var behind = stored - storedBefore >= distinct.Count ? await probe.BehindAsync() : (long?)null;
            Console.Write($"\r{name}: {clock.Elapsed.TotalSeconds,5:0}s draining: stored {stored - storedBefore} of {distinct.Count} distinct accepted, {behind?.ToString(CultureInfo.InvariantCulture) ?? "?"} promises behind      ");
            if (behind == 0)
            {
                break;
            }

            if (clock.Elapsed > sending + TimeSpan.FromMinutes(10))
            {
                Console.Write(" (gave up draining after 10 minutes)");
                break;
            }

            await Task.Delay(500);
        }

        Console.WriteLine();
        var untilEvaluated = clock.Elapsed;
        var storedDistinct = await probe.StoredAsync() - storedBefore;
        var latencies = latency is null ? null : await latency.ResultAsync();
        return new PhaseResult(name, accepted, storedDistinct, sending, untilEvaluated, errors, string.Join(", ", errorKinds.Select(k => $"{k.Key}×{k.Value}")), journeys.Tally.Since(tallyBefore), latencies, breached);
    }

    /// <summary>First sends of events whose ticket's OPENED was accepted in an earlier request (see <see cref="LatencyProbe"/>).</summary>
    private void Sample(List<System.Text.Json.Nodes.JsonObject> events, HashSet<string> firstSends)
    {
        var sent = events.Where(e => firstSends.Contains(e["eventId"]!.GetValue<string>())).ToList();
        if (latency is not null && sent.FirstOrDefault(e => _opened.ContainsKey(e["ticketRef"]!.GetValue<string>())) is { } sample)
        {
            latency.Sample(sample["eventId"]!.GetValue<string>());
        }

        foreach (var opened in sent.Where(e => e["code"]!.GetValue<string>() == "OPENED"))
        {
            _opened.TryAdd(opened["ticketRef"]!.GetValue<string>(), 0);
        }
    }

    /// <summary>One breaching ticket every 1/<paramref name="perSecond"/> s while the phase sends; returns how many were accepted.</summary>
    private async Task<int> PostBreachesAsync(BreachTraffic traffic, int perSecond, Stopwatch clock, TimeSpan duration)
    {
        var accepted = 0;
        while (clock.Elapsed < duration)
        {
            if (accepted < perSecond * clock.Elapsed.TotalSeconds)
            {
                var (status, _) = await webhook.PostAsync([traffic.Next()]);
                if (status == System.Net.HttpStatusCode.Accepted)
                {
                    accepted++;
                }
                else
                {
                    await Task.Delay(100);
                }
            }
            else
            {
                await Task.Delay(10);
            }
        }

        return accepted;
    }
}
