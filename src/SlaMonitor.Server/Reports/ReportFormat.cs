using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>JSON, or CSV when asked by <c>format=csv</c> or <c>Accept: text/csv</c>.</summary>
public static class ReportFormat
{
    public const string CsvType = "text/csv";

    public static bool? WantsCsv(ValidationErrors errors, HttpRequest request, string? format)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(request);
        switch (format)
        {
            case "csv":
                return true;
            case "json":
                return false;
            case null:
                return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(CsvType, StringComparison.OrdinalIgnoreCase));
            default:
                errors.Add("format", "must be json or csv.");
                return null;
        }
    }
}
