using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Server.Promises;
using SlaMonitor.Server.Scheduling;

namespace SlaMonitor.Replay;

/// <summary>
/// Drives the server through virtual time. The clock moves to the next of: an event's occurredAt, an evaluation tick, a
/// lane-statistics rebuild, a due wake-up; there the events of that instant are posted, and the clock moves on only once
/// the bus and the ingest stripes are drained and no wake-up is due. Every step waits for the previous one, so two runs
/// do exactly the same work in the same order.
/// </summary>
public sealed class VirtualTime(ReplayHost host, ServerApi api, ReplayOptions options, ReplayInput input, IProgress<double>? progress)
{
    private const int MaxEventsPerRequest = 1000;
    private readonly List<BadRow> _refused = [];

    /// <summary>Rows the server refused (422), with its problem details.</summary>
    public IReadOnlyList<BadRow> Refused => _refused;

    public async Task<WarningRecorder> RunAsync(CancellationToken ct)
    {
        var services = host.Services;
        var drain = IngestDrain.ConnectTo(services.GetRequiredService<IBus>());
        var wakeups = services.GetRequiredService<WakeupProcessor>();
        var refresher = ActivatorUtilities.CreateInstance<LaneStatisticsRefresher>(services);
        var recorder = new WarningRecorder(services, options.EffectiveScoreFrom, options.EffectiveScoreUntil);
        var secrets = (input.Config["carriers"] as JsonObject ?? []).ToDictionary(c => c.Key, c => (string?)c.Value?["secret"] ?? "", StringComparer.Ordinal);
        var firstShipment = input.Events.Where(e => e.IsShipment && e.TicketRef is not null)
            .GroupBy(e => e.TicketRef!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(e => e.OccurredAt), StringComparer.Ordinal);
        // A closed scored promise comes back only with an event of its own: after the window, an event instant is looked at
        // only when it touches one (those opened in the window, as the input says, or seen open).
        var windowTickets = input.Events.Where(e => e.IsOpened && e.TicketRef is not null && e.OccurredAt >= options.EffectiveScoreFrom && e.OccurredAt < options.EffectiveScoreUntil)
            .Select(e => e.TicketRef!).ToHashSet(StringComparer.Ordinal);
        var events = input.Events;
        var start = host.Clock.GetCurrentInstant();
        Instant? nextTick = options.EffectiveScoreFrom > start ? options.EffectiveScoreFrom : start;
        var nextRebuild = start;
        var index = 0;
        Instant? processedAt = null;
        Instant? wakeupAt = null;
        var changed = true; // the wake-ups may have changed since the last look at them
        while (true)
        {
            var eventAt = index < events.Count ? events[index].OccurredAt : (Instant?)null;
            if (eventAt is null && (recorder.LatestOpenDeadline is not { } last || nextTick > last))
            {
                nextTick = null; // nothing left to look at
            }

            var sw = System.Diagnostics.Stopwatch.StartNew();
            if (changed)
            {
                wakeupAt = await wakeups.NextDue(ct);
                changed = false;
            }

            if (wakeupAt <= processedAt)
            {
                // Still due where it was just processed: the engine announced a change (e.g. the threshold crossing) that,
                // to the last bit of floating point, has not happened yet at that instant. On a real machine time moves
                // on meanwhile; here it moves by a millisecond.
                wakeupAt = processedAt + Duration.FromMilliseconds(1);
                Count("still-due");
            }

            Trace("nextdue", sw);
            // With no scored promise open at the last look a tick would see nothing (one opens only at an event instant,
            // which is looked at), so ticks wait; they stay on their grid.
            var tickAt = recorder.LatestOpenDeadline is null ? null : nextTick;
            var now = Earliest(eventAt, tickAt, eventAt is null && nextTick is null ? null : nextRebuild, eventAt is null && nextTick is null ? null : wakeupAt);
            if (now is not { } at)
            {
                break;
            }

            host.Clock.Reset(Instant.Max(at, host.Clock.GetCurrentInstant()));
            if (at >= nextRebuild)
            {
                await refresher.RebuildOnce(ct);
                Trace("rebuild", sw);
                while (nextRebuild <= at)
                {
                    nextRebuild += options.RebuildEvery;
                }
            }

            var batch = new List<InputEvent>();
            while (index < events.Count && events[index].OccurredAt == at)
            {
                batch.Add(events[index++]);
            }

            changed |= batch.Count > 0;
            await PostAsync(batch, secrets, at);
            Trace("post", sw);
            await drain.WaitAsync();
            Trace("drain", sw);
            if (wakeupAt <= at)
            {
                processedAt = at;
                changed = true;
                var handled = await wakeups.ProcessDue(ct); // whatever it leaves due (a new escalation's first step) comes next, at this same instant
                Count(handled == 0 ? "wakeups-none-due" : "wakeup-batches");
                Count("wakeups", handled);
                Trace("due", sw);
            }

            Trace("other", sw);
            while (nextTick < at)
            {
                nextTick += options.Every; // the ticks that waited
            }

            var isTick = at == nextTick;
            if (isTick)
            {
                nextTick = at + options.Every;
            }

            Count(isTick ? "ticks" : batch.Count > 0 ? "event-instants" : wakeupAt <= at ? "wakeup-instants" : "rebuild-instants");
            if ((isTick || batch.Count > 0) && IsWorthALook(at, batch, recorder, windowTickets))
            {
                var pickedUp = batch.Where(e => e.TicketRef is { } t && firstShipment.GetValueOrDefault(t) == at).Select(e => e.TicketRef!).ToHashSet(StringComparer.Ordinal);
                await recorder.ObserveAsync(at, isTick, pickedUp, ct);
                Trace("observe", sw);
            }

            progress?.Report(events.Count == 0 ? 1 : (double)index / events.Count);
        }

        await recorder.FinishAsync(ct);
        if (Environment.GetEnvironmentVariable("REPLAY_TRACE") is not null)
        {
            Console.Error.WriteLine(Traced());
            Console.Error.WriteLine(CommandTrace.Instance.Report());
        }

        return recorder;
    }

    /// <summary>With REPLAY_TRACE set, where the wall time goes (printed at the end).</summary>
    private static readonly Dictionary<string, long> Spent = [];
    private static readonly Dictionary<string, long> Counts = [];

    private static void Trace(string what, System.Diagnostics.Stopwatch sw)
    {
        if (Environment.GetEnvironmentVariable("REPLAY_TRACE") is not null)
        {
            var key = what.Split(' ')[0];
            Spent[key] = Spent.GetValueOrDefault(key) + sw.ElapsedTicks;
            sw.Restart();
        }
    }

    private static void Count(string what, long by = 1)
    {
        if (Environment.GetEnvironmentVariable("REPLAY_TRACE") is not null)
        {
            Counts[what] = Counts.GetValueOrDefault(what) + by;
        }
    }

    public static string Traced() =>
        string.Join(", ", Spent.Select(s => $"{s.Key} {s.Value * 1000 / System.Diagnostics.Stopwatch.Frequency} ms").Concat(Counts.Select(c => $"{c.Value} {c.Key}")));

    /// <summary>
    /// Whether a look can see a scored promise open: never before the scoring window (none has opened yet); inside it
    /// while one was open at the last look or at an event instant (one may open); after it, when one was open or an
    /// event touches one (a closed promise comes back only with an event of its own). A look that can see none would
    /// record nothing.
    /// </summary>
    private bool IsWorthALook(Instant at, List<InputEvent> batch, WarningRecorder recorder, HashSet<string> windowTickets) =>
        at >= options.EffectiveScoreFrom
        && (recorder.LatestOpenDeadline is not null
            || (batch.Count > 0 && at < options.EffectiveScoreUntil)
            || batch.Any(e => e.TicketRef is { } t && (windowTickets.Contains(t) || recorder.Scored.ContainsKey(t))));

    private static Instant? Earliest(params Instant?[] instants) => instants.Where(i => i.HasValue).Min();

    /// <summary>The instant's events, per carrier, in requests of up to 1,000; a refused event is reported with the server's
    /// reason and the rest sent again (a request with a bad event applies nothing).</summary>
    private async Task PostAsync(List<InputEvent> batch, Dictionary<string, string> secrets, Instant now)
    {
        foreach (var group in batch.GroupBy(e => e.Carrier, StringComparer.Ordinal))
        {
            foreach (var chunk in group.Chunk(MaxEventsPerRequest))
            {
                var pending = chunk.ToList();
                while (pending.Count > 0)
                {
                    if (await api.PostEventsAsync(group.Key, secrets[group.Key], pending.ConvertAll(e => e.Body), now) is not { } problem)
                    {
                        break;
                    }

                    var bad = BadIndexes(problem, pending.Count);
                    foreach (var i in bad)
                    {
                        _refused.Add(new BadRow(pending[i].Line, Describe(problem, i)));
                    }

                    pending = pending.Where((_, i) => !bad.Contains(i)).ToList();
                }
            }
        }
    }

    /// <summary>The events a 422 names (<c>events[i].field</c>); all of them when it names none.</summary>
    private static HashSet<int> BadIndexes(JsonElement problem, int count)
    {
        var named = Errors(problem).Select(e => Index(e.Name)).OfType<int>().Where(i => i < count).ToHashSet();
        return named.Count > 0 ? named : Enumerable.Range(0, count).ToHashSet();
    }

    private static string Describe(JsonElement problem, int index)
    {
        var own = Errors(problem).Where(e => Index(e.Name) == index).Select(e => $"{e.Name[(e.Name.IndexOf('.', StringComparison.Ordinal) + 1)..]}: {e.Message}").ToList();
        return own.Count > 0 ? string.Join("; ", own) : problem.TryGetProperty("detail", out var d) ? d.ToString() : problem.ToString();
    }

    private static IEnumerable<(string Name, string Message)> Errors(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => (e.Name, m.ToString())))
            : [];

    private static int? Index(string name) =>
        name.StartsWith("events[", StringComparison.Ordinal) && name.IndexOf(']', StringComparison.Ordinal) is > 7 and var end
        && int.TryParse(name.AsSpan(7, end - 7), System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
}
