using Quartz;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Ingest.Parked;
using SlaMonitor.Server.Notifications;
using SlaMonitor.Server.Promises;
using SlaMonitor.Server.Reports;
using SlaMonitor.Server.Scheduling;
using SchedulingOptions = SlaMonitor.Server.Scheduling.SchedulingOptions;

namespace SlaMonitor.Server.Hosting;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz with the RAM store on SQLite; on a server database the clustered ADO.NET store,
    /// whose tables the migrations create, so several workers share the schedule.
    /// </summary>
    public static void AddSlaScheduling(this WebApplicationBuilder builder, PersistenceOptions persistence, EscalationOptions escalations)
    {
        var scheduling = builder.AddSettings<SchedulingOptions>(SchedulingOptions.Section);
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = scheduling.InstanceName;
                s.GenerateInstanceId = true;
            });
            Every<EvaluateDuePromisesJob>(q, EvaluateDuePromisesJob.Key, "evaluate-due-promises-trigger", TimeSpan.FromSeconds(scheduling.EvaluateEverySeconds));
            Every<RecurringJob<ParkedEventExpiry>>(q, new JobKey("expire-parked-events", "ingest"), "expire-parked-events-trigger", TimeSpan.FromMinutes(10));
            Every<RecurringJob<DeliveryLogCleanup>>(q, new JobKey("clean-up", "maintenance"), "clean-up-trigger", TimeSpan.FromHours(1));
            Every<RecurringJob<AuditLogCleanup>>(q, new JobKey("clean-up-audit", "maintenance"), "clean-up-audit-trigger", TimeSpan.FromHours(1));
            Every<RecurringJob<WeeklyReport>>(q, new JobKey("weekly-report", "reports"), "weekly-report-trigger", TimeSpan.FromMinutes(5));
            var digest = new JobKey("digest", "notifications");
            q.AddJob<RecurringJob<AlertDigest>>(j => j.WithIdentity(digest).DisallowConcurrentExecution())
                .AddTrigger<RecurringJob<AlertDigest>>(t => t.ForJob(digest)
                    .WithIdentity("digest-trigger", "notifications")
                    .WithCronSchedule(escalations.DigestCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            if (persistence.IsServerDatabase)
            {
                q.UsePersistentStore(store =>
                {
                    if (persistence.Provider == PersistenceProvider.Postgres)
                    {
                        store.UsePostgres(persistence.ConnectionString);
                    }
                    else
                    {
                        store.UseSqlServer(persistence.ConnectionString);
                    }

                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(o => o.TablePrefix = QuartzSchema.TablePrefix);
                });
            }
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.AddSettings<RetentionOptions>(RetentionOptions.Section);
        builder.Services.AddScoped<DeliveryLogCleanup>();
        builder.Services.AddScoped<AuditLogCleanup>();
        builder.Services.AddScoped<AlertDigest>();
        builder.AddSettings<ReportOptions>(ReportOptions.Section);
        builder.Services.AddScoped<WeeklyReport>();
        builder.Services.AddHostedService<LaneStatisticsRefresher>();
        builder.Services.AddSingleton<WakeupProcessor>();
        builder.Services.AddHostedService<WakeupDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        builder.Services.AddHostedService<OutboxDispatcher>();
    }

    /// <summary>A job repeated every <paramref name="every"/> from start-up; a run missed while down is not made up (the next one does its work).</summary>
    private static void Every<TJob>(IQuartzBuilder q, JobKey key, string trigger, TimeSpan every)
        where TJob : IJob =>
        q.AddJob<TJob>(j => j.WithIdentity(key).DisallowConcurrentExecution())
            .AddTrigger<TJob>(t => t.ForJob(key)
                .WithIdentity(trigger, key.Group)
                .StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(every).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
}
