using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.Benchmarks;

/// <summary>
/// One promise re-derived as <c>PromiseProjector</c> does it for each ticket of an ingest batch: the stored rows
/// (policy version and site as read from the database, eight stored events) folded into a state, evaluated against
/// lane statistics, and its reasons serialised for the row. Database round trips are not included (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class ProductionPathBenchmarks
{
    private static readonly DateTime Opened = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private readonly Site _site = new()
    {
        Code = "DE-FRA", Name = "Frankfurt", Region = "EU", TimeZone = "Europe/Berlin",
        CalendarJson = """{"workingDays":["Mon","Tue","Wed","Thu","Fri"],"opens":"08:00","closes":"18:00","holidays":["2026-12-24","2026-12-25"]}""",
    };

    private readonly PolicyVersion _policy = new()
    {
        ServiceLevel = "4H-ONSITE", Version = 3,
        DefinitionJson = """
            {"clock":"business","target":"PT4H","fulfilledBy":"TECHNICIAN_ONSITE","pauseOn":["CUSTOMER_HOLD","CUSTOMS_HOLD"],"atRiskMargin":"PT30M",
             "escalation":[{"level":1,"notify":"board","after":"PT0M"},{"level":2,"notify":"accountManager","after":"PT15M"}]}
            """,
    };

    private List<StoredEvent> _events = null!;
    private LaneStatistics _lanes = null!;
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        string[] codes = ["LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "ARRIVED_AT_HUB", "HELD", "RELEASED", "OUT_FOR_DELIVERY"];
        _events =
        [
            new StoredEvent
            {
                CarrierCode = "UPS", EventId = "T-1-OPENED", Kind = "repair", Code = "OPENED", OccurredAt = Opened, TicketRef = "T-1",
                OpenedCustomer = "ACME", OpenedSite = "DE-FRA", OpenedServiceLevel = "4H-ONSITE", ReceivedAt = Opened,
            },
            .. codes.Select((code, i) => new StoredEvent
            {
                CarrierCode = "UPS", EventId = $"T-1-{code}", Kind = code is "HELD" or "RELEASED" ? "customs" : "shipment", Code = code,
                OccurredAt = Opened.AddMinutes(12 * (i + 1)), TicketRef = "T-1", ShipmentRef = "1Z-1", LocationCode = "NL-AMS", CountryCode = "NL",
                Reason = code == "HELD" ? "CUSTOMS_INSPECTION" : null, ReceivedAt = Opened.AddMinutes(12 * (i + 1)),
            }),
        ];
        _now = Instant.FromDateTimeUtc(Opened.AddMinutes(100));
        _lanes = SyntheticLanes(PromiseFolding.Fold(_events[0], _events, _policy, _site).Lane);
    }

    [Benchmark(Description = "fold stored rows + evaluate + reasons JSON (per promise, as PromiseProjector)")]
    public int FoldFromStoredRowsAndEvaluate()
    {
        var state = PromiseFolding.Fold(_events[0], _events, _policy, _site);
        var evaluation = SlaEvaluator.Evaluate(state, _now, _lanes);
        return AdminJson.Serialize(evaluation.Reasons).Length;
    }

    [Benchmark(Description = "of which: stored policy version and site read into engine inputs")]
    public int ConvertPolicyAndSite() => EngineInputs.Policy(_policy).EscalationLadder.Count + EngineInputs.Calendar(_site).Holidays.Count;

    private static LaneStatistics SyntheticLanes(LaneKey lane)
    {
        var builder = new LaneStatisticsBuilder();
        foreach (var stage in Enum.GetValues<PromiseStage>())
        {
            for (var i = 0; i < 1000; i++)
            {
                builder.AddObservation(lane, stage, Duration.FromMinutes(30 + i), 0.2 + (i * 0.0012), [600 + (i % 50 * 60)]);
            }
        }

        return builder.Build();
    }
}
