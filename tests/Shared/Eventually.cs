using System.Diagnostics;

namespace SlaMonitor.Tests.Shared;

/// <summary>
/// Waits for an outcome that happens behind a queue. The deadline only bounds the wait so that a
/// broken path fails with a message instead of hanging; it is not a claim about speed.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Reads until <paramref name="done"/> holds, and returns that value; fails naming <paramref name="what"/> and the last value read.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = deadline ?? DefaultDeadline;
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            var last = await read();
            if (done(last))
            {
                return last;
            }

            if (waited.Elapsed > limit)
            {
                Assert.Fail($"Gave up after {limit.TotalSeconds:0}s waiting for {what}; last value read: {Describe(last)}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        System.Collections.IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object?>())}]",
        _ => value.ToString() ?? "",
    };
}
