using System.Globalization;

namespace SlaMonitor.LoadGen;

/// <summary>
/// The resident memory of the server processes (run.sh passes their ids), read from /proc every
/// <see cref="Every"/> while a phase runs: flat means the last minute's mean within ± 10 % of the first minute's
/// after warm-up.
/// </summary>
internal sealed class ServerMemory(IReadOnlyList<int> processIds)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    private readonly List<(TimeSpan At, long Bytes)> _samples = [];

    public async Task<string> WatchAsync(Task phase)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!phase.IsCompleted)
        {
            _samples.Add((clock.Elapsed, processIds.Sum(Resident)));
            await Task.WhenAny(phase, Task.Delay(Every));
        }

        return Summary();
    }

    private string Summary()
    {
        if (_samples.Count < 12)
        {
            return $"server memory: {_samples.Count} samples, too few for a first and a last minute";
        }

        var perMinute = (int)(TimeSpan.FromMinutes(1) / Every);
        var first = _samples.Take(perMinute).Average(s => s.Bytes);
        var last = _samples.TakeLast(perMinute).Average(s => s.Bytes);
        var series = string.Join(" ", _samples.Where((_, i) => i % perMinute == 0).Select(s => (s.Bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture,
            $"server memory (resident, all server processes): first minute {first / 1048576:0} MiB, last minute {last / 1048576:0} MiB, change {(last - first) / first:+0.0%;-0.0%}; per minute: {series} MiB");
    }

    private static long Resident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
