using System.Text.Json.Serialization;

namespace SlaMonitor.Server.Reports;

/// <summary>Each part of the score on 0–100, one decimal; null when the period gives it no value (left out of the score).</summary>
public sealed record SummaryPoints(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Attainment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? BreachesPrevented,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? TimeToAcknowledge,
    double OpenBreaches);
