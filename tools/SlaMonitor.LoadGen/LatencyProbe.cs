using System.Diagnostics;

namespace SlaMonitor.LoadGen;

/// <summary>
/// Accept → evaluated: samples accepted events (at most one per request, chosen by the caller) and measures from the 202 until
/// the event's promise was re-derived with it: the event stored and its promise written after it by a later
/// transaction (<see cref="StoreProbe.EvaluatedAsync"/>, one query every <see cref="PollEvery"/> for all
/// samples waiting, so the probe does not load the server it measures). Only first sends of events whose ticket's
/// OPENED was accepted before are sampled: a resend is settled by its first copy, and an event ahead of its OPENED
/// waits for it by design. A sample not evaluated within <see cref="GiveUpAfter"/> is counted as missing, not dropped.
/// </summary>
internal sealed class LatencyProbe(StoreProbe store, string carrier)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, TimeSpan> _waiting = new(StringComparer.Ordinal);
    private readonly List<double> _milliseconds = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _missing;
    private Task? _polling;
    private volatile bool _done;

    public void Sample(string eventId)
    {
        lock (_waiting)
        {
            _waiting[eventId] = _clock.Elapsed;
            _polling ??= PollAsync();
        }
    }

    /// <summary>Waits for every sample to be evaluated or given up.</summary>
    public async Task<LatencyResult> ResultAsync()
    {
        while (true)
        {
            lock (_waiting)
            {
                if (_waiting.Count == 0)
                {
                    break;
                }
            }

            await Task.Delay(PollEvery);
        }

        _done = true;
        if (_polling is not null)
        {
            await _polling;
        }

        var sorted = _milliseconds.Order().ToArray();
        double At(double share) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * share) - 1)];
        return new LatencyResult(At(0.5), At(0.9), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1], sorted.Length, _missing);
    }

    private async Task PollAsync()
    {
        await Task.Yield();
        while (!_done)
        {
            List<string> ids;
            lock (_waiting)
            {
                ids = [.. _waiting.Keys];
            }

            var evaluated = ids.Count == 0 ? [] : await store.EvaluatedAsync(carrier, ids);
            var now = _clock.Elapsed;
            lock (_waiting)
            {
                foreach (var id in evaluated)
                {
                    _milliseconds.Add((now - _waiting[id]).TotalMilliseconds);
                    _waiting.Remove(id);
                }

                foreach (var late in _waiting.Where(w => now - w.Value > GiveUpAfter).Select(w => w.Key).ToList())
                {
                    _missing++;
                    _waiting.Remove(late);
                }
            }

            await Task.Delay(PollEvery);
        }
    }
}

internal sealed record LatencyResult(double P50, double P90, double P99, double Max, int Samples, int Missing)
{
    public override string ToString() =>
        $"p50 {P50:0} ms, p90 {P90:0} ms, p99 {P99:0} ms, max {Max:0} ms ({Samples} samples, {Missing} not evaluated within 30 s)";
}
