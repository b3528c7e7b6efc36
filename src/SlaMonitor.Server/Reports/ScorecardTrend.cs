using System.Text.Json.Serialization;

namespace SlaMonitor.Server.Reports;

/// <summary>The same carrier's headline figures over the previous period of equal length, [from − (to − from), from).</summary>
public sealed record ScorecardTrend(
    int Promises,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? OnTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ExceptionsPer100,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? LateEventShare,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? RejectionsPer1000);
