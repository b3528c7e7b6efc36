namespace SlaMonitor.IntegrationTests.Board;

/// <summary>Waits for an asynchronous outcome (the consumer runs behind the transport); the bound is not a speed claim.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 30)
    {
        var giveUpAt = DateTime.UtcNow.AddSeconds(seconds);
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                Assert.Fail($"Gave up after {seconds}s waiting for {what}; last value: {last}");
            }

            await Task.Delay(100);
            last = await read();
        }

        return last;
    }
}
