namespace SlaMonitor.Engine;

public static class BlameCategories
{
    /// <summary>Blame category from a reason code's prefix; <see cref="BlameCategory.None"/> when there is no reason.</summary>
    public static BlameCategory FromReason(string? reason) => reason switch
    {
        null or "" => BlameCategory.None,
        _ when reason.StartsWith("CUSTOMER_", StringComparison.Ordinal) => BlameCategory.Customer,
        _ when reason.StartsWith("CUSTOMS_", StringComparison.Ordinal) => BlameCategory.Customs,
        _ when reason.StartsWith("CARRIER_", StringComparison.Ordinal) => BlameCategory.Carrier,
        _ when reason.StartsWith("WEATHER_", StringComparison.Ordinal) => BlameCategory.Weather,
        _ => BlameCategory.Other,
    };
}
