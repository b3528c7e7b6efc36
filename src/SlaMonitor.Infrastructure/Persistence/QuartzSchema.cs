namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// The table prefix of Quartz.NET 4.7.3's persistent (ADO.NET) job store. The tables themselves are
/// created by the EF Core migrations of each provider (<c>Migrations/Postgres/*_QuartzScheduler.cs</c>,
/// <c>Migrations/SqlServer/*_QuartzScheduler.cs</c>), whose DDL is frozen inside them.
/// </summary>
/// <remarks>
/// <para>
/// The column names, types, nullability and defaults in those migrations are the ones Quartz 4.7.3
/// creates itself (<c>SchemaProvisioning.CreateIfMissing</c>), so its startup schema check
/// (<c>SchemaProvisioning.Validate</c>, the default) passes. That includes the columns and the
/// <c>paused_job_grps</c> table Quartz 4.0 added to the 3.x schema, the 4.2–4.7 columns, and the
/// three tables of the optional database execution history (<c>execution_history</c>,
/// <c>misfire_history</c>, <c>job_status</c>), which cost nothing while unused and let
/// <c>UsePersistentStore(s =&gt; s.UseExecutionHistory())</c> be switched on without another migration.
/// </para>
/// <para>
/// Every table name is <see cref="TablePrefix"/> followed by the name Quartz appends to it. Quartz
/// writes that suffix in upper case and never quotes identifiers: PostgreSQL folds it to the
/// lower-case names the migration creates, and the SQL Server tables are named exactly as Quartz
/// spells them, so they also resolve under a case-sensitive collation. The job store must be
/// configured with the same prefix (<c>ConfigureStore(o =&gt; o.TablePrefix = QuartzSchema.TablePrefix)</c>
/// or <c>quartz.jobStore.tablePrefix</c>); Quartz's own default is <c>QRTZ_</c>.
/// </para>
/// <para>
/// Each migration's script is one command with no batch separators. The SQL Server tables are
/// created unqualified, i.e. in the default schema of the migrating login, as Quartz itself does,
/// because Quartz queries them unqualified. The SQL Server down-migration needs SQL Server 2016 or
/// later (<c>DROP TABLE IF EXISTS</c>).
/// </para>
/// <para>
/// Changing the schema means a new migration: the frozen DDL of an applied migration, and this
/// prefix, which every existing database's tables carry, must not change.
/// </para>
/// </remarks>
public static class QuartzSchema
{
    /// <summary>The value for Quartz's <c>quartz.jobStore.tablePrefix</c> / <c>AdoJobStoreOptions.TablePrefix</c>.</summary>
    public const string TablePrefix = "qrtz_";
}
