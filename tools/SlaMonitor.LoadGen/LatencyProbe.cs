using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SlaMonitor.LoadGen;

/// <summary>
/// Samples accepted events (at most one per <see cref="Every"/>) and polls GET /promises/{ticketRef}
/// every <see cref="PollEvery"/> until the event shows in the timeline: acceptance → visible. Both are
/// kept modest because the polls load the server they measure (one sample per 50 ms polled every 5 ms
/// was ~500 reads a second at 1,000 ev/s, more than the webhook traffic itself); one per 100 ms polled
/// every 10 ms is ~60 reads a second and 300 samples in a 30 s phase, enough for a p99.
/// </summary>
internal sealed class LatencyProbe(WebhookClient webhook)
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);
    private readonly ConcurrentBag<double> _milliseconds = [];
    private readonly List<Task> _polls = [];
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private TimeSpan _last = -Every;

    public void Sample(JsonObject acceptedEvent)
    {
        lock (_polls)
        {
            if (_since.Elapsed - _last < Every)
            {
                return;
            }

            _last = _since.Elapsed;
            _polls.Add(PollAsync(acceptedEvent["ticketRef"]!.GetValue<string>(), acceptedEvent["eventId"]!.GetValue<string>()));
        }
    }

    public async Task<LatencyResult> ResultAsync()
    {
        Task[] polls;
        lock (_polls)
        {
            polls = [.. _polls];
        }

        await Task.WhenAll(polls);
        var sorted = _milliseconds.Order().ToArray();
        double At(double share) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * share) - 1)];
        return new LatencyResult(At(0.5), At(0.9), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1], sorted.Length);
    }

    private async Task PollAsync(string ticketRef, string eventId)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await webhook.IsVisibleAsync(ticketRef, eventId))
            {
                _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                return;
            }

            await Task.Delay(PollEvery);
        }
    }
}

internal sealed record LatencyResult(double P50, double P90, double P99, double Max, int Samples);
