using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>What a worker's start-up on an empty server database must leave behind.</summary>
public static partial class MigratedSchema
{
    /// <summary>
    /// Every migration applied; exactly the EF model's tables plus the migrations history plus the
    /// Quartz tables the provider's DDL creates; and the worker's scheduler checked in to the clustered store.
    /// </summary>
    public static async Task AssertAsync(TestDatabase database, SlaHost worker, string quartzDdl)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(worker);
        var pending = await worker.ReadAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
        var modelTables = await worker.ReadAsync(db => Task.FromResult(
            db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList()));
        var quartzTables = CreateTable().Matches(quartzDdl).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(15, quartzTables.Count);

        var expected = modelTables.Append("__EFMigrationsHistory").Concat(quartzTables).Order(StringComparer.Ordinal);
        Assert.Equal(expected, (await database.TableNamesAsync()).Order(StringComparer.Ordinal));

        // The clustered job store writes its check-in row when the scheduler starts.
        var schedulerState = QuartzTable(quartzTables, "scheduler_state");
        var triggers = QuartzTable(quartzTables, "triggers");
        await Eventually.UntilAsync(
            () => database.CountAsync($"SELECT COUNT(*) FROM {schedulerState} WHERE sched_name = '{worker.SchedulerName}'"),
            rows => rows == 1,
            $"scheduler {worker.SchedulerName} to check in to {schedulerState}");
        Assert.Equal(1, await database.CountAsync(
            $"SELECT COUNT(*) FROM {triggers} WHERE sched_name = '{worker.SchedulerName}' AND trigger_name = 'evaluate-due-promises-trigger'"));
    }

    /// <summary>The table as the provider's DDL spells it (lower case on PostgreSQL, upper case on SQL Server).</summary>
    private static string QuartzTable(List<string> tables, string name) =>
        tables.Single(t => t.Equals(QuartzSchema.TablePrefix + name, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"CREATE TABLE (\w+)")]
    private static partial Regex CreateTable();
}
