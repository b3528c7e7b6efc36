using System.Globalization;
using CsvHelper;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// RFC 4180 CSV (CsvHelper: CRLF line ends, quotes where needed), header row first, numbers in the invariant culture
/// ('.' decimals). Rows are written as they are read, so the response streams whatever its length.
/// </summary>
public static class ReportCsv
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture };

    public static IResult Stream(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IEnumerable<string?>> rows) =>
        TypedResults.Stream(async body =>
        {
            await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
            await csv.WriteRecordAsync([.. header]);
            await foreach (var row in rows)
            {
                await csv.WriteRecordAsync([.. row]);
            }

            await csv.FlushAsync();
        }, ReportFormat.CsvType + "; charset=utf-8", fileName);

    public static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
