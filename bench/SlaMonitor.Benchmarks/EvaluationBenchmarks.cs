using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaMonitor.Engine;

namespace SlaMonitor.Benchmarks;

/// <summary>Re-evaluating a folded open promise, and applying one new event then evaluating (docs/benchmarks.md).</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly LaneKey Lane = new("UPS", "NL", "DE", "4H-ONSITE");
    private static readonly Instant Opened = Instant.FromUtc(2026, 11, 23, 8, 0);

    private PromiseState _folded = null!;
    private LaneStatistics _lanes = null!;
    private PromiseEvent _newEvent = null!;
    private long _tick;

    [GlobalSetup]
    public void Setup()
    {
        _lanes = SyntheticLanes();
        var policy = new SlaPolicy("4H-ONSITE", 1, SlaClock.Elapsed, SlaTarget.Within("PT8H"), Milestones.Delivered,
            PauseKinds.CustomerHold, Duration.FromMinutes(30));
        var events = Enumerable.Range(0, 10).Select(i => new PromiseEvent(
            "UPS", "evt-" + i, EventKind.Shipment, i == 0 ? "PICKED_UP" : "ARRIVED_AT_HUB", Opened + Duration.FromMinutes(5 * (i + 1)), null, "DE-FRA"));
        _folded = PromiseFold.From(Opened, policy, SiteCalendar.AlwaysOpen(Berlin), Lane, events);
        _newEvent = new PromiseEvent("UPS", "evt-new", EventKind.Shipment, "IN_TRANSIT", Opened + Duration.FromMinutes(57), null, "DE-FRA");
        _ = SlaEvaluator.Evaluate(_folded, Opened, _lanes);
    }

    [Benchmark]
    public PromiseStatus ReEvaluateAtNewInstant()
    {
        _tick = (_tick + 1) & 0x3FFF;
        return SlaEvaluator.Evaluate(_folded, Opened + Duration.FromSeconds(_tick), _lanes).Status;
    }

    [Benchmark]
    public PromiseStatus ApplyOneEventAndEvaluate()
    {
        var state = PromiseFold.Apply(_folded, _newEvent);
        return SlaEvaluator.Evaluate(state, Opened + Duration.FromHours(1), _lanes).Status;
    }

    private static LaneStatistics SyntheticLanes()
    {
        var builder = new LaneStatisticsBuilder();
        foreach (var stage in Enum.GetValues<PromiseStage>())
        {
            for (var i = 0; i < 1000; i++)
            {
                builder.AddObservation(Lane, stage, Duration.FromMinutes(30 + i), 0.2 + (i * 0.0012), [600 + (i % 50 * 60)]);
            }
        }

        return builder.Build();
    }
}
