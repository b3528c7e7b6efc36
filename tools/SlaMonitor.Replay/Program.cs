using System.Globalization;

namespace SlaMonitor.Replay;

/// <summary>The command line: a replay (see <see cref="ReplayOptions"/>) or <c>convert-olist</c>.</summary>
public static class ReplayProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args.Length > 0 && args[0] == "convert-olist")
            {
                var values = ReplayOptions.Values(args[1..], []);
                var count = OlistConverter.Convert(
                    values.GetValueOrDefault("--olist") ?? throw new ArgumentException("--olist DIR is required."),
                    values.GetValueOrDefault("--output") ?? throw new ArgumentException("--output DIR is required."));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} delivered orders written"));
                return 0;
            }

            if (args.Length > 0 && args[0] == "section")
            {
                var values = ReplayOptions.Values(args[1..], []);
                ReportMarkdown.WriteInto(
                    values.GetValueOrDefault("--into") ?? throw new ArgumentException("--into FILE is required."),
                    values.GetValueOrDefault("--validate") ?? throw new ArgumentException("--validate report.json is required."),
                    values.GetValueOrDefault("--test") ?? throw new ArgumentException("--test report.json is required."));
                return 0;
            }

            var options = ReplayOptions.Parse(args);
            var (report, promises) = await Replayer.RunAsync(options, options.Quiet ? null : new ProgressBar());
            Console.Error.WriteLine();
            if (options.Report is { } folder)
            {
                ReportFiles.Write(folder, report, promises);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Promises} promises scored, {report.Late} late: recall {report.Recall:P1}, precision {report.Precision:P1}, " +
                $"median lead {report.MedianLeadHours} h, ECE {report.Ece}, {report.BadRows.Count} rows skipped, {report.Timing.WallSeconds} s"));
            if (options.ChooseThreshold)
            {
                Console.WriteLine(report.ChosenThreshold is { } chosen
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"threshold {chosen.Threshold:0.00}: recall {chosen.Recall:P1}, precision {chosen.Precision:P1}, median lead {chosen.MedianLeadHours} h " +
                        $"(the highest recall with precision >= {ReportBuilder.MinimumPrecision:P0})")
                    : string.Create(CultureInfo.InvariantCulture, $"no threshold reaches precision {ReportBuilder.MinimumPrecision:P0} on this window"));
            }

            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(ReplayOptions.Usage);
            return 2;
        }
    }
}
