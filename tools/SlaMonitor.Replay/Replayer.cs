using System.Diagnostics;
using System.Text.Json.Nodes;
using NodaTime;

namespace SlaMonitor.Replay;

/// <summary>The replay as a library call (the tool's command line and the tests use it): load, replay, score.</summary>
public static class Replayer
{
    /// <summary>The configuration goes in first, in the order the admin API needs it (carriers name customers).</summary>
    private static readonly string[] Sections = ["sites", "policies", "customers", "carriers"];

    public static async Task<(ReplayReport Report, IReadOnlyCollection<ScoredPromise> Promises)> RunAsync(
        ReplayOptions options, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wall = Stopwatch.StartNew();
        var input = ReplayInput.Load(options.Input);
        var start = input.Events.Count == 0 ? SystemClock.Instance.GetCurrentInstant() : input.Events[0].OccurredAt - Duration.FromMinutes(1);
        await using var host = new ReplayHost(start);
        using var http = host.CreateClient();
        var api = new ServerApi(http);
        foreach (var section in Sections)
        {
            foreach (var (code, body) in input.Config[section] as JsonObject ?? [])
            {
                var sent = body?.DeepClone().AsObject() ?? [];
                if (section == "policies" && options.Threshold is { } threshold && sent["probabilityThreshold"] is null)
                {
                    sent["probabilityThreshold"] = threshold;
                }

                await api.PutAsync(section, code, sent);
            }
        }

        if (Environment.GetEnvironmentVariable("REPLAY_TRACE") is not null)
        {
            await Console.Error.WriteLineAsync($"started and configured in {wall.ElapsedMilliseconds} ms");
        }

        var time = new VirtualTime(host, api, options, input, progress);
        var recorder = await time.RunAsync(ct);
        var scored = recorder.Scored.Values.ToList();
        return (ReportBuilder.Build(options, input, time.Refused, scored, wall.Elapsed), scored);
    }
}
