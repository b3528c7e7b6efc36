using System.Globalization;
using System.Net;
using System.Text;
using NodaTime.Text;

namespace SlaMonitor.Server.Reports;

/// <summary>The weekly report as HTML: attainment by customer with the totals, the summary's scores when given (executives), and a link to the board's Reports page.</summary>
public static class WeeklyReportEmail
{
    public static (string Subject, string Html) Compose(ReportRange range, IReadOnlyList<AttainmentRow> rows, string boardUrl, IReadOnlyList<SummaryRow>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(rows);
        var from = range.From.InZone(range.Zone).Date;
        var to = range.To.InZone(range.Zone).Date;
        var week = ReportPeriods.Label(from, ReportPeriod.Week);
        var met = rows.Sum(r => r.Met);
        var missed = rows.Sum(r => r.Missed);
        var total = met + missed == 0 ? "no promise closed" : Percent((double)met / (met + missed));
        var link = $"{boardUrl.TrimEnd('/')}/reports?from={LocalDatePattern.Iso.Format(from)}&to={LocalDatePattern.Iso.Format(to)}&tz={Uri.EscapeDataString(range.Zone.Id)}&groupBy=customer";
        var html = new StringBuilder("<html><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>Promises kept in {Enc(week)} ({Enc(range.Zone.Id)})</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Attainment {Enc(total)}: {met} met, {missed} missed, {rows.Sum(r => r.Cancelled)} cancelled.</p>");
        html.Append("<table border=\"1\" cellpadding=\"4\"><tr><th>Customer</th><th>Met</th><th>Missed</th><th>Cancelled</th><th>Attainment</th><th>Median margin</th>"
            + "<th>Lost to customer</th><th>customs</th><th>carrier</th><th>weather</th><th>other</th></tr>");
        foreach (var r in rows)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Enc(r.Key[ReportDimensions.Customer] ?? "")}</td><td>{r.Met}</td><td>{r.Missed}</td><td>{r.Cancelled}</td>"
                + $"<td>{(r.Attainment is { } a ? Percent(a) : "–")}</td><td>{Enc(r.MedianMargin ?? "–")}</td><td>{Enc(r.LostTime.Customer)}</td>"
                + $"<td>{Enc(r.LostTime.Customs)}</td><td>{Enc(r.LostTime.Carrier)}</td><td>{Enc(r.LostTime.Weather)}</td><td>{Enc(r.LostTime.Other)}</td></tr>");
        }

        html.Append("</table>");
        if (scores is { Count: > 0 })
        {
            html.Append("<h3>Scores (0–100; the formula is on the Reports page)</h3><table border=\"1\" cellpadding=\"4\"><tr><th>Customer</th><th>Score</th><th>Trend</th><th>Working</th></tr>");
            foreach (var s in scores)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Enc(s.Customer)}</td><td>{s.Score}</td><td>{(s.Trend is { } t ? t.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) : "–")}</td><td>{Enc(s.Working)}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Enc(link)}\">Open the report on the board</a></p></body></html>");
        return ($"[SlaMonitor] Weekly report {week}: attainment {total}", html.ToString());
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Enc(string value) => WebUtility.HtmlEncode(value);
}
