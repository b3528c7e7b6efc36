namespace SlaMonitor.Server.Reports;

/// <summary>The summary's customers as CSV rows, the figures as in the JSON (lanes and reasons are in the JSON only).</summary>
public static class SummaryCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "customer", "score", "previousScore", "trend", "attainmentPoints", "breachesPreventedPoints", "timeToAcknowledgePoints", "openBreachesPoints",
        "met", "missed", "attainment", "escalations", "settledEscalations", "breachesPrevented", "preventedShare", "acknowledged",
        "medianTimeToAcknowledge", "openBreaches",
    ];

    public static async IAsyncEnumerable<IEnumerable<string?>> Rows(IReadOnlyList<SummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows)
        {
            yield return [
                r.Customer, ReportCsv.Number(r.Score), ReportCsv.Number(r.PreviousScore), ReportCsv.Number(r.Trend),
                ReportCsv.Number(r.Points.Attainment), ReportCsv.Number(r.Points.BreachesPrevented), ReportCsv.Number(r.Points.TimeToAcknowledge),
                ReportCsv.Number(r.Points.OpenBreaches), ReportCsv.Number(r.Met), ReportCsv.Number(r.Missed), ReportCsv.Number(r.Attainment),
                ReportCsv.Number(r.Escalations), ReportCsv.Number(r.SettledEscalations), ReportCsv.Number(r.BreachesPrevented),
                ReportCsv.Number(r.PreventedShare), ReportCsv.Number(r.Acknowledged), r.MedianTimeToAcknowledge, ReportCsv.Number(r.OpenBreaches),
            ];
        }

        await Task.CompletedTask;
    }
}
