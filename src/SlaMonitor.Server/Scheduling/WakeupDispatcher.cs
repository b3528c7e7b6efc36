using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Scheduling;

/// <summary>
/// The in-process timer over the durable wake-ups: processes everything due (oldest first, so after downtime
/// the backlog goes at once), then sleeps until the earliest wake-up in the database — or less when this process
/// writes an earlier one, and never longer than Scheduling:Wakeups:MaxSleep, to see other processes' writes.
/// </summary>
public sealed class WakeupDispatcher(WakeupProcessor processor, WakeupSignal signal, IClock clock, IOptions<WakeupOptions> options, ILogger<WakeupDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var maxSleep = options.Value.MaxSleep;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.ProcessDue(stoppingToken) > 0)
                {
                    continue;
                }

                var next = await processor.NextDue(stoppingToken);
                var now = clock.GetCurrentInstant();
                var until = next is { } due && due - now < Duration.FromTimeSpan(maxSleep) ? due : now + Duration.FromTimeSpan(maxSleep);
                var delay = (until - now).ToTimeSpan();
                if (delay > TimeSpan.Zero)
                {
                    await signal.Sleep(until, delay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Wake-up dispatch failed; retrying");
                await Task.Delay(maxSleep, stoppingToken);
            }
        }
    }
}
