using System.Text.Json.Serialization;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// One customer's score with what it is made of: its parts in points, the working ("(50 × 66.7 + …) ÷ 100 = 72.3"), the
/// figures behind each part, and the score of the previous period of equal length with the change (trend).
/// Shares are 0–1 with 4 decimals, durations ISO 8601.
/// </summary>
public sealed record SummaryRow(
    string Customer,
    double Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? PreviousScore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Trend,
    SummaryPoints Points,
    string Working,
    int Met,
    int Missed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Attainment,
    int Escalations,
    int SettledEscalations,
    int BreachesPrevented,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? PreventedShare,
    int Acknowledged,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MedianTimeToAcknowledge,
    int OpenBreaches);
