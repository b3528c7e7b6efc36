using System.Runtime.CompilerServices;

namespace SlaMonitor.Server.Reports;

/// <summary>An attainment row as CSV fields: its key columns (as grouped), then the figures as in the JSON.</summary>
public static class AttainmentCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["met", "missed", "cancelled", "attainment", "lostCustomer", "lostCustoms", "lostCarrier", "lostWeather", "lostOther", "medianMargin"];

    public static async IAsyncEnumerable<IEnumerable<string?>> Rows(
        IReadOnlyList<string> keys, IAsyncEnumerable<AttainmentRow> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(rows);
        await foreach (var r in rows.WithCancellation(ct))
        {
            yield return keys.Select(k => r.Key[k]).Concat([
                ReportCsv.Number(r.Met), ReportCsv.Number(r.Missed), ReportCsv.Number(r.Cancelled), ReportCsv.Number(r.Attainment),
                r.LostTime.Customer, r.LostTime.Customs, r.LostTime.Carrier, r.LostTime.Weather, r.LostTime.Other, r.MedianMargin]);
        }
    }
}
