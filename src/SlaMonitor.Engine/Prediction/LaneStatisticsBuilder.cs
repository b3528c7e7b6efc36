using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>Accumulates stage observations from closed promises (and open ones as censored samples); every observation
/// also feeds the coarser lanes.</summary>
public sealed class LaneStatisticsBuilder
{
    private readonly Dictionary<(LaneKey, PromiseStage), StageSamples> _samples = [];

    /// <summary>Learns from a promise closed MET or MISSED; open and cancelled promises teach nothing.</summary>
    /// <param name="weight">How much it teaches (1 = one promise; see <see cref="RecencyWeight"/>).</param>
    public void Add(PromiseState promise, double weight = 1.0)
    {
        foreach (var observation in Observe(promise))
        {
            Add(observation, weight);
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

    /// <param name="weight">How much it teaches (1 = one promise; see <see cref="RecencyWeight"/>).</param>
    public void Add(StageObservation observation, double weight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(observation);
        AddObservation(observation.Lane, observation.Stage, observation.StageDuration, observation.RemainingShare, observation.GapSeconds, weight);
    }

    /// <summary>
    /// Learns from a promise still open at <paramref name="asOf"/>: for every stage it entered, the share from entering
    /// it to fulfilment is known only to exceed the share elapsed until now (a right-censored sample), so a wave of
    /// slow promises shows before they close. Closed, cancelled and paused promises teach nothing here.
    /// </summary>
    /// <param name="weight">How much it teaches (1 = one promise; see <see cref="RecencyWeight"/>).</param>
    public void AddOpen(PromiseState promise, Instant asOf, double weight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(promise);
        if (promise.ClosedAt is not null || promise.IsCancelled || promise.CountingOpenPause is not null || asOf <= promise.OpenedAt)
        {
            return;
        }

        var stage = PromiseStage.AwaitingPickup;
        var enteredAt = promise.OpenedAt;
        foreach (var e in promise.Events)
        {
            var at = Instant.Max(e.OccurredAt, promise.OpenedAt);
            if (at >= asOf)
            {
                break;
            }

            if (Signals.Stage(e.Signal) is { } next && next != stage)
            {
                AddCensored(promise, stage, enteredAt, asOf, weight);
                stage = next;
                enteredAt = at;
            }
        }

        AddCensored(promise, stage, enteredAt, asOf, weight);
    }

    /// <summary>One pass through a stage: its duration, the time from entering it to fulfilment as a share of the
    /// promise's budget, and the gaps between scans inside it (in seconds). The weight applies to the remaining share
    /// (the probability late); durations and gaps, which only describe the lane, count once each.</summary>
    public void AddObservation(LaneKey lane, PromiseStage stage, Duration stageDuration, double remainingShare, IEnumerable<double> gapSeconds, double weight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(gapSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        var gapList = gapSeconds as IReadOnlyCollection<double> ?? [.. gapSeconds];
        foreach (var level in lane.FallbackChain())
        {
            var samples = SamplesOf(level, stage);
            samples.Durations.Add(stageDuration.TotalSeconds);
            samples.RemainingShares.Add(new ShareSample(remainingShare, weight));
            samples.Gaps.AddRange(gapList);
            samples.PromisesWithGaps += gapList.Count > 0 ? 1 : 0;
        }
    }

    /// <summary>The statistics; a level that saw only open promises (no fulfilment at all) is left out: it says nothing
    /// about when promises finish.</summary>
    public LaneStatistics Build() => new(_samples.Where(kv => kv.Value.RemainingShares.Exists(s => !s.Censored)).ToDictionary(
        kv => kv.Key, kv => new StageStatistics(kv.Value.RemainingShares, kv.Value.Durations, kv.Value.Gaps, kv.Value.PromisesWithGaps)));

    private static StageObservation Observation(PromiseState promise, PromiseStage stage, Instant enteredAt, Instant leftAt, Instant closedAt, List<double> gaps)
    {
        var remaining = Deadlines.Measure(enteredAt, closedAt, promise.Policy.Clock, promise.Calendar);
        return new StageObservation(promise.Lane, stage, leftAt - enteredAt, remaining / promise.Budget, gaps);
    }

    private void AddCensored(PromiseState promise, PromiseStage stage, Instant enteredAt, Instant asOf, double weight)
    {
        var elapsed = Deadlines.Measure(enteredAt, asOf, promise.Policy.Clock, promise.Calendar) / promise.Budget;
        foreach (var level in promise.Lane.FallbackChain())
        {
            SamplesOf(level, stage).RemainingShares.Add(new ShareSample(elapsed, weight, Censored: true));
        }
    }

    private StageSamples SamplesOf(LaneKey level, PromiseStage stage)
    {
        if (!_samples.TryGetValue((level, stage), out var samples))
        {
            samples = new StageSamples();
            _samples[(level, stage)] = samples;
        }

        return samples;
    }
}
