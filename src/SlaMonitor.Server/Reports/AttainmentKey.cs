namespace SlaMonitor.Server.Reports;

/// <summary>What a row is grouped by: only the names in groupBy are present (a typed object, so OpenAPI describes it).</summary>
public sealed record AttainmentKey(
    string? Customer = null, string? Region = null, string? Carrier = null, string? ServiceLevel = null, string? Site = null,
    string? Day = null, string? Week = null, string? Month = null)
{
    public static AttainmentKey From(IReadOnlyDictionary<string, string?> values) => new(
        values.GetValueOrDefault(ReportDimensions.Customer), values.GetValueOrDefault(ReportDimensions.Region),
        values.GetValueOrDefault(ReportDimensions.Carrier), values.GetValueOrDefault(ReportDimensions.ServiceLevel),
        values.GetValueOrDefault(ReportDimensions.Site), values.GetValueOrDefault("day"), values.GetValueOrDefault("week"),
        values.GetValueOrDefault("month"));

    public string? this[string name] => name switch
    {
        ReportDimensions.Customer => Customer,
        ReportDimensions.Region => Region,
        ReportDimensions.Carrier => Carrier,
        ReportDimensions.ServiceLevel => ServiceLevel,
        ReportDimensions.Site => Site,
        "day" => Day,
        "week" => Week,
        _ => Month,
    };
}
