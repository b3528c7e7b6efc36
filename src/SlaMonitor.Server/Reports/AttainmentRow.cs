using System.Text.Json.Serialization;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// One group of closed promises: counts by outcome, attainment = met / (met + missed) (null when both are 0), paused time by
/// blame category and the median of deadline − closedAt over the met and missed ones (negative when late; null when none).
/// Durations are ISO 8601.
/// </summary>
public sealed record AttainmentRow(
    IReadOnlyDictionary<string, string?> Key,
    int Met,
    int Missed,
    int Cancelled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Attainment,
    LostTime LostTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MedianMargin);
