using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using NodaTime;

namespace SlaMonitor.Replay;

/// <summary>Writes report.json, promises.csv and report.html into the report folder.</summary>
public static class ReportFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string folder, ReplayReport report, IEnumerable<ScoredPromise> promises)
    {
        ArgumentNullException.ThrowIfNull(promises);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, Json));
        File.WriteAllText(Path.Combine(folder, "report.html"), ReportHtml.Render(report));
        using var csv = CsvWriter.ToFile(Path.Combine(folder, "promises.csv"));
        csv.WriteRecord(["ticket", "outcome", "deadline", "firstWarning", "leadHours"]);
        foreach (var p in promises.OrderBy(p => p.OpenedAt).ThenBy(p => p.TicketRef, StringComparer.Ordinal))
        {
            var warned = p.FirstWarning is { } w && w < p.Deadline;
            csv.WriteRecord([
                p.TicketRef, p.Status, Text(p.Deadline), warned ? Text(p.FirstWarning!.Value) : "",
                warned ? (p.Deadline - p.FirstWarning!.Value).TotalHours.ToString("0.0", CultureInfo.InvariantCulture) : ""]);
        }
    }

    private static string Text(Instant instant) => instant.ToString("g", CultureInfo.InvariantCulture);
}
