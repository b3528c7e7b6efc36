using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>Accumulates stage observations from closed promises; every observation also feeds the coarser lanes.</summary>
public sealed class LaneStatisticsBuilder(int minimumSamples = LaneStatisticsBuilder.DefaultMinimumSamples)
{
    public const int DefaultMinimumSamples = 30;

    private readonly Dictionary<(LaneKey, PromiseStage), Samples> _samples = [];

    /// <summary>Learns from a promise closed MET or MISSED; open and cancelled promises teach nothing.</summary>
    public void Add(PromiseState promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        if (promise.ClosedAt is not { } closedAt || promise.IsCancelled)
        {
            return;
        }

        var stage = PromiseStage.AwaitingPickup;
        var enteredAt = promise.OpenedAt;
        var lastMark = promise.OpenedAt;
        var gaps = new List<double>();
        foreach (var e in promise.Events)
        {
            var at = Instant.Max(e.OccurredAt, promise.OpenedAt);
            if (at > closedAt)
            {
                break;
            }

            if (e.IsScan)
            {
                gaps.Add((at - lastMark).TotalSeconds);
                lastMark = at;
            }

            if (Signals.Stage(e.Signal) is { } next && next != stage && at < closedAt)
            {
                AddObservation(promise.Lane, stage, at - enteredAt, closedAt - enteredAt, gaps);
                gaps.Clear();
                stage = next;
                enteredAt = at;
            }
        }

        AddObservation(promise.Lane, stage, closedAt - enteredAt, closedAt - enteredAt, gaps);
    }

    /// <summary>One pass through a stage: how long it lasted, how long from entering it to fulfilment, scan gaps in it.</summary>
    public void AddObservation(LaneKey lane, PromiseStage stage, Duration stageDuration, Duration untilFulfilment, IEnumerable<double> gapSeconds)
    {
        ArgumentNullException.ThrowIfNull(gapSeconds);
        var gapList = gapSeconds as IReadOnlyCollection<double> ?? [.. gapSeconds];
        foreach (var level in lane.FallbackChain())
        {
            if (!_samples.TryGetValue((level, stage), out var samples))
            {
                samples = new Samples();
                _samples[(level, stage)] = samples;
            }

            samples.Durations.Add(stageDuration.TotalSeconds);
            samples.Remaining.Add(untilFulfilment.TotalSeconds);
            samples.Gaps.AddRange(gapList);
        }
    }

    public LaneStatistics Build() => new(
        _samples.ToDictionary(kv => kv.Key, kv => new StageStatistics(kv.Value.Remaining, kv.Value.Durations, kv.Value.Gaps)),
        minimumSamples);

    private sealed class Samples
    {
        public List<double> Remaining { get; } = [];

        public List<double> Durations { get; } = [];

        public List<double> Gaps { get; } = [];
    }
}
