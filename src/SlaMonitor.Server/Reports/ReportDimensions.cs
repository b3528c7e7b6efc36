namespace SlaMonitor.Server.Reports;

/// <summary>What a report may be grouped by: the promise's dimensions and one period of the report's time zone.</summary>
public static class ReportDimensions
{
    public const string Customer = "customer";
    public const string Region = "region";
    public const string Carrier = "carrier";
    public const string ServiceLevel = "serviceLevel";
    public const string Site = "site";

    public static readonly IReadOnlyList<string> All = [Customer, Region, Carrier, ServiceLevel, Site];

    public static readonly IReadOnlyDictionary<string, ReportPeriod> Periods = new Dictionary<string, ReportPeriod>(StringComparer.Ordinal)
    {
        ["day"] = ReportPeriod.Day,
        ["week"] = ReportPeriod.Week,
        ["month"] = ReportPeriod.Month,
    };

    public static string Name(ReportPeriod period) => Periods.First(p => p.Value == period).Key;
}
