using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.WakeupBench;

/// <summary>
/// The alternative issue 6 asks to weigh against the timer over indexed rows: one Quartz trigger per promise in the
/// clustered ADO.NET store the server uses on PostgreSQL. Measures (1) what moving one promise's wake-up costs
/// (an individual ScheduleJob with replace, as every promise write would pay), and (2) the lateness of N triggers
/// firing within one minute with a job that only notes the time: a lower bound, since the real job would still
/// have to re-derive the promise.
/// </summary>
internal static class QuartzTriggers
{
    private const int IndividualSample = 1_000;
    private static readonly ScheduleJobOptions Replace = new() { Replace = true };

    public static async Task<string> RunAsync(string connectionString, int count, TimeSpan lead, int threads, int acquisitionBatch, TimeSpan timeout)
    {
        await using (var db = SlaDbContextOptions.Create(PersistenceProvider.Postgres, connectionString))
        {
            await db.Database.MigrateAsync();
        }

        var scheduler = await QuartzSchedulerBuilder.Create(q =>
            {
                q.ConfigureScheduler(s =>
                {
                    s.InstanceName = $"bench-{Guid.NewGuid():N}";
                    s.GenerateInstanceId = true;
                });
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(o => o.TablePrefix = QuartzSchema.TablePrefix);
                });
            })
            .UseProperties(new Dictionary<string, string?>
            {
                ["quartz.threadPool.maxConcurrency"] = threads.ToString(CultureInfo.InvariantCulture),
                ["quartz.scheduler.batchTriggerAcquisitionMaxCount"] = acquisitionBatch.ToString(CultureInfo.InvariantCulture),
            })
            .BuildScheduler();
        try
        {
            var start = DateTime.UtcNow;
            var first = new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) + lead;
            DateTimeOffset FireAt(int i) => first + TimeSpan.FromSeconds(i % 60);
            NoteFired.Lateness.Clear();

            var individually = Stopwatch.StartNew();
            for (var i = 0; i < Math.Min(IndividualSample, count); i++)
            {
                var (job, trigger) = Wakeup(i, FireAt(i));
                await scheduler.ScheduleJob(job, [trigger], Replace);
            }

            var perCall = individually.Elapsed.TotalMilliseconds / Math.Min(IndividualSample, count);
            var bulk = Stopwatch.StartNew();
            foreach (var chunk in Enumerable.Range(IndividualSample, Math.Max(0, count - IndividualSample)).Chunk(1_000))
            {
                var jobs = chunk.Select(i => Wakeup(i, FireAt(i))).ToDictionary(w => w.Job, w => (IReadOnlyCollection<ITrigger>)new[] { w.Trigger });
                await scheduler.ScheduleJobs(jobs, Replace);
            }

            var scheduled = individually.Elapsed;
            var inChunks = bulk.Elapsed;
            if (DateTimeOffset.UtcNow >= first)
            {
                return $"  quartz: scheduling took {scheduled.TotalSeconds:0.0} s, past the first fire time: raise --lead";
            }

            await scheduler.Start();
            var giveUp = first + TimeSpan.FromSeconds(60) + timeout;
            while (NoteFired.Lateness.Count < count && DateTimeOffset.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            var lateness = NoteFired.Lateness.Order().ToArray();
            double At(double q) => lateness.Length == 0 ? double.NaN : lateness[Math.Min(lateness.Length - 1, (int)Math.Ceiling(q * lateness.Length) - 1)];
            return string.Create(CultureInfo.InvariantCulture,
                $"  quartz (ADO store on PostgreSQL, clustered, {threads} threads, acquisition batch {acquisitionBatch}): moving one wake-up (ScheduleJob, replace) {perCall:0.0} ms; "
                + $"scheduling all {count:N0} took {scheduled.TotalSeconds:0.0} s ({inChunks.TotalSeconds:0.0} s of it in chunks of 1,000); "
                + $"fired {lateness.Length:N0}/{count:N0}; lateness p50 {At(0.5):0} ms, p99 {At(0.99):0} ms, max {(lateness.Length == 0 ? double.NaN : lateness[^1]):0} ms; "
                + $"≤ 1 s: {100.0 * lateness.Count(l => l <= 1000) / count:0.0} %");
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: false);
        }
    }

    private static (IJobDetail Job, ITrigger Trigger) Wakeup(int i, DateTimeOffset at)
    {
        var job = JobBuilder.Create<NoteFired>().WithIdentity($"BENCH-{i:D7}", "wakeups").Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"BENCH-{i:D7}", "wakeups").StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        return (job, trigger);
    }

    /// <summary>Notes how late it runs against its trigger's scheduled time, nothing else.</summary>
    private sealed class NoteFired : IJob
    {
        public static readonly ConcurrentQueue<double> Lateness = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Lateness.Enqueue((DateTimeOffset.UtcNow - context.ScheduledFireTimeUtc!.Value).TotalMilliseconds);
            return ValueTask.CompletedTask;
        }
    }
}
