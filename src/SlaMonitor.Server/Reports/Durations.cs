using System.Text.Json.Serialization;

namespace SlaMonitor.Server.Reports;

/// <summary>How many durations were measured and their median and 90th percentile (ISO 8601, whole seconds; null when none).</summary>
public sealed record Durations(
    int Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Median,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? P90);
