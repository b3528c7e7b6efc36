using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>Accumulates stage observations from closed promises; every observation also feeds the coarser lanes.</summary>
public sealed class LaneStatisticsBuilder
{
    private readonly Dictionary<(LaneKey, PromiseStage), StageSamples> _samples = [];

    /// <summary>Learns from a promise closed MET or MISSED; open and cancelled promises teach nothing.</summary>
    public void Add(PromiseState promise)
    {
        foreach (var observation in Observe(promise))
        {
            Add(observation);
        }
    }

    /// <summary>What a promise closed MET or MISSED teaches, stage by stage (none for open and cancelled promises). A
    /// closed promise teaches the same until it is re-derived, so a caller may keep these between rebuilds.</summary>
    public static IReadOnlyList<StageObservation> Observe(PromiseState promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        if (promise.ClosedAt is not { } closedAt || promise.IsCancelled)
        {
            return [];
        }

        var observations = new List<StageObservation>();
        var stage = PromiseStage.AwaitingPickup;
        var enteredAt = promise.OpenedAt;
        Instant? lastScan = null;
        var gaps = new List<double>();
        foreach (var e in promise.Events)
        {
            var at = Instant.Max(e.OccurredAt, promise.OpenedAt);
            if (at >= closedAt)
            {
                break;
            }

            if (Signals.Stage(e.Signal) is { } next && next != stage)
            {
                observations.Add(Observation(promise, stage, enteredAt, at, closedAt, gaps));
                gaps = [];
                stage = next;
                enteredAt = at;
                lastScan = e.IsScan ? at : null;
                continue;
            }

            if (e.IsScan)
            {
                if (lastScan is { } previous)
                {
                    gaps.Add((at - previous).TotalSeconds);
                }

                lastScan = at;
            }
        }

        observations.Add(Observation(promise, stage, enteredAt, closedAt, closedAt, gaps));
        return observations;
    }

    public void Add(StageObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        AddObservation(observation.Lane, observation.Stage, observation.StageDuration, observation.RemainingShare, observation.GapSeconds);
    }

    /// <summary>One pass through a stage: its duration, the time from entering it to fulfilment as a share of the
    /// promise's budget, and the gaps between scans inside it (in seconds).</summary>
    public void AddObservation(LaneKey lane, PromiseStage stage, Duration stageDuration, double remainingShare, IEnumerable<double> gapSeconds)
    {
        ArgumentNullException.ThrowIfNull(gapSeconds);
        var gapList = gapSeconds as IReadOnlyCollection<double> ?? [.. gapSeconds];
        foreach (var level in lane.FallbackChain())
        {
            if (!_samples.TryGetValue((level, stage), out var samples))
            {
                samples = new StageSamples();
                _samples[(level, stage)] = samples;
            }

            samples.Durations.Add(stageDuration.TotalSeconds);
            samples.RemainingShares.Add(remainingShare);
            samples.Gaps.AddRange(gapList);
            samples.PromisesWithGaps += gapList.Count > 0 ? 1 : 0;
        }
    }

    public LaneStatistics Build() => new(_samples.ToDictionary(
        kv => kv.Key, kv => new StageStatistics(kv.Value.RemainingShares, kv.Value.Durations, kv.Value.Gaps, kv.Value.PromisesWithGaps)));

    private static StageObservation Observation(PromiseState promise, PromiseStage stage, Instant enteredAt, Instant leftAt, Instant closedAt, List<double> gaps)
    {
        var remaining = Deadlines.Measure(enteredAt, closedAt, promise.Policy.Clock, promise.Calendar);
        return new StageObservation(promise.Lane, stage, leftAt - enteredAt, remaining / promise.Budget, gaps);
    }
}
