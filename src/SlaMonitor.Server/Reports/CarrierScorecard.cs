using System.Text.Json.Serialization;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// One carrier (or customs broker) over the promises closed in the range; the definitions are in docs/reports.md.
/// Ratios are null when their denominator is 0; the webhook figures are null for account managers (the delivery log is
/// not theirs to read).
/// </summary>
public sealed record CarrierScorecard(
    string Carrier,
    int Promises,
    int Met,
    int Missed,
    int Cancelled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? OnTime,
    int Shipments,
    Durations PickupToDelivered,
    int CustomsHolds,
    Durations CustomsRelease,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ScanGapP95,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ExceptionsPer100,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? DelaysPer100,
    int Events,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LateEventShare,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? WebhookRequests,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? WebhookRejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? RejectionsPer1000,
    ScorecardTrend Previous,
    int PromisesChange,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? OnTimeChange);
