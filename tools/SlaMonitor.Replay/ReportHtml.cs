using System.Globalization;
using System.Net;
using System.Text;

namespace SlaMonitor.Replay;

/// <summary>report.html: the figures, a reliability diagram and a lead-time histogram, as inline SVG (no scripts, no CDN).</summary>
public static class ReportHtml
{
    private const int Size = 320;
    private const int Pad = 40;

    public static string Render(ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SlaMonitor replay report</title>")
            .Append("<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f4f4f4}svg{margin:1em 1em 0 0}</style></head><body>")
            .Append("<h1>Early warnings on replayed history</h1>");
        html.Append(Invariant($"<p>{report.Promises} promises scored ({report.Late} late), {report.Events} events read, {report.BadRows.Count} rows skipped; replayed in {report.Timing.WallSeconds} s.</p>"));
        html.Append("<table><tr><th>warning rule</th><th>recall</th><th>precision</th><th>median lead (h)</th><th>p25 lead (h)</th></tr>");
        Row(html, "this model", new WarningScore(report.Late, report.Warned, report.WarnedLate, report.Recall, report.Precision, report.MedianLeadHours, report.P25LeadHours));
        foreach (var (name, score) in report.Baselines)
        {
            Row(html, name, score);
        }

        html.Append("</table>")
            .Append(Invariant($"<p>Brier score {report.Brier?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "–"}, expected calibration error {report.Ece?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "–"} over {report.Looks} looks.</p>"))
            .Append(Reliability(report.Calibration))
            .Append(Histogram(report.LeadHistogram));
        if (report.BadRows.Count > 0)
        {
            html.Append("<h2>Skipped rows</h2><ul>");
            foreach (var bad in report.BadRows.Take(200))
            {
                html.Append(Invariant($"<li>line {bad.Line}: {WebUtility.HtmlEncode(bad.Problem)}</li>"));
            }

            html.Append("</ul>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Row(StringBuilder html, string name, WarningScore s) =>
        html.Append(Invariant($"<tr><th>{WebUtility.HtmlEncode(name)}</th><td>{s.Recall:P1}</td><td>{s.Precision:P1}</td><td>{s.MedianLeadHours}</td><td>{s.P25LeadHours}</td></tr>"));

    /// <summary>Mean probability against the share that ended late, per bin, with the diagonal a calibrated model sits on.</summary>
    private static string Reliability(IReadOnlyList<CalibrationBin> bins)
    {
        var svg = Frame("Reliability: predicted probability late (x) against the share late (y)");
        svg.Append(Invariant($"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\" stroke=\"#aaa\" stroke-dasharray=\"4\"/>"));
        var points = bins.Where(b => b.Count > 0).Select(b => Invariant($"{X(b.MeanProbability!.Value):0.#},{Y(b.FractionLate!.Value):0.#}")).ToList();
        svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>"));
        foreach (var b in bins.Where(b => b.Count > 0))
        {
            svg.Append(Invariant($"<circle cx=\"{X(b.MeanProbability!.Value):0.#}\" cy=\"{Y(b.FractionLate!.Value):0.#}\" r=\"4\" fill=\"#1565c0\"><title>{b.From:0.0}–{b.To:0.0}: {b.Count} looks, {b.FractionLate:P0} late</title></circle>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>How long before the deadline the late promises were first warned.</summary>
    private static string Histogram(IReadOnlyList<LeadBucket> buckets)
    {
        var svg = Frame("Lead of the first warning on late promises (hours before the deadline)");
        var max = Math.Max(1, buckets.Count == 0 ? 1 : buckets.Max(b => b.Count));
        var width = buckets.Count == 0 ? 0 : (double)(Size - (2 * Pad)) / buckets.Count;
        for (var i = 0; i < buckets.Count; i++)
        {
            var height = (Size - (2.0 * Pad)) * buckets[i].Count / max;
            svg.Append(Invariant($"<rect x=\"{Pad + (i * width):0.#}\" y=\"{Size - Pad - height:0.#}\" width=\"{Math.Max(width - 1, 1):0.#}\" height=\"{height:0.#}\" fill=\"#2e7d32\"><title>{buckets[i].FromHours}–{buckets[i].ToHours} h: {buckets[i].Count}</title></rect>"));
        }

        var last = buckets.Count == 0 ? 0 : buckets[^1].ToHours;
        svg.Append(Invariant($"<text x=\"{Size - Pad}\" y=\"{Size - Pad + 15}\" text-anchor=\"end\" font-size=\"11\">{last} h</text>"));
        svg.Append(Invariant($"<text x=\"{Pad - 4}\" y=\"{Pad + 4}\" text-anchor=\"end\" font-size=\"11\">{max}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Frame(string title) => new StringBuilder()
        .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Size}\" height=\"{Size}\" role=\"img\"><title>{title}</title>"))
        .Append(Invariant($"<text x=\"{Pad}\" y=\"20\" font-size=\"12\">{WebUtility.HtmlEncode(title)}</text>"))
        .Append(Invariant($"<rect x=\"{Pad}\" y=\"{Pad}\" width=\"{Size - (2 * Pad)}\" height=\"{Size - (2 * Pad)}\" fill=\"none\" stroke=\"#333\"/>"))
        .Append(Invariant($"<text x=\"{Pad}\" y=\"{Size - Pad + 15}\" font-size=\"11\">0</text>"));

    private static double X(double share) => Pad + (share * (Size - (2 * Pad)));

    private static double Y(double share) => Size - Pad - (share * (Size - (2 * Pad)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
