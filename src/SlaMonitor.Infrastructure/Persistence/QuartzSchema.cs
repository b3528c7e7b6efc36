namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// DDL for the tables of Quartz.NET 4.7.3's persistent (ADO.NET) job store, run from the EF Core
/// migrations of each provider via <c>migrationBuilder.Sql(...)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The column names, types, nullability and defaults are the ones Quartz 4.7.3 creates itself
/// (<c>SchemaProvisioning.CreateIfMissing</c>), so its startup schema check
/// (<c>SchemaProvisioning.Validate</c>, the default) passes. That includes the columns and the
/// <c>paused_job_grps</c> table Quartz 4.0 added to the 3.x schema, the 4.2–4.7 columns, and the
/// three tables of the optional database execution history (<c>execution_history</c>,
/// <c>misfire_history</c>, <c>job_status</c>), which cost nothing while unused and let
/// <c>UsePersistentStore(s =&gt; s.UseExecutionHistory())</c> be switched on without another migration.
/// </para>
/// <para>
/// Every table name is <see cref="TablePrefix"/> followed by the name Quartz appends to it. Quartz
/// writes that suffix in upper case and never quotes identifiers: PostgreSQL folds it to the
/// lower-case names created here, and the SQL Server tables are named exactly as Quartz spells
/// them, so they also resolve under a case-sensitive collation. The job store must be configured
/// with the same prefix (<c>ConfigureStore(o =&gt; o.TablePrefix = QuartzSchema.TablePrefix)</c> or
/// <c>quartz.jobStore.tablePrefix</c>); Quartz's own default is <c>QRTZ_</c>.
/// </para>
/// <para>
/// Each script is one command with no batch separators. The SQL Server tables are created
/// unqualified, i.e. in the default schema of the migrating login, as Quartz itself does, because
/// Quartz queries them unqualified. <see cref="SqlServerDrop"/> needs SQL Server 2016 or later
/// (<c>DROP TABLE IF EXISTS</c>).
/// </para>
/// </remarks>
public static class QuartzSchema
{
    /// <summary>The value for Quartz's <c>quartz.jobStore.tablePrefix</c> / <c>AdoJobStoreOptions.TablePrefix</c>.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>Creates the Quartz tables and indexes on PostgreSQL.</summary>
    public const string PostgresCreate = $"""
        CREATE TABLE {TablePrefix}job_details (
            sched_name        text  NOT NULL,
            job_name          text  NOT NULL,
            job_group         text  NOT NULL,
            description       text  NULL,
            job_class_name    text  NOT NULL,
            is_durable        bool  NOT NULL,
            is_nonconcurrent  bool  NOT NULL,
            is_update_data    bool  NOT NULL,
            requests_recovery bool  NOT NULL,
            job_data          bytea NULL,
            CONSTRAINT pk_{TablePrefix}job_details PRIMARY KEY (sched_name, job_name, job_group)
        );

        CREATE TABLE {TablePrefix}triggers (
            sched_name              text         NOT NULL,
            trigger_name            text         NOT NULL,
            trigger_group           text         NOT NULL,
            job_name                text         NOT NULL,
            job_group               text         NOT NULL,
            description             text         NULL,
            next_fire_time          bigint       NULL,
            prev_fire_time          bigint       NULL,
            priority                integer      NULL,
            trigger_state           text         NOT NULL,
            trigger_type            text         NOT NULL,
            start_time              bigint       NOT NULL,
            end_time                bigint       NULL,
            calendar_name           text         NULL,
            misfire_instr           smallint     NULL,
            misfire_orig_fire_time  bigint       NULL,
            execution_group         varchar(200) NULL,
            preferred_node          varchar(200) NULL,
            preferred_node_auto     bool         NOT NULL DEFAULT false,
            retry_policy            varchar(250) NULL,
            retry_attempt           integer      NULL,
            continues_trigger_name  text         NULL,
            continues_trigger_group text         NULL,
            continuation_condition  integer      NULL,
            overlap_policy          integer      NULL,
            pause_reason            varchar(250) NULL,
            paused_by               varchar(200) NULL,
            paused_at               bigint       NULL,
            misfire_threshold       bigint       NULL,
            fixed_delay             bool         NULL,
            job_data                bytea        NULL,
            CONSTRAINT pk_{TablePrefix}triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
            CONSTRAINT fk_{TablePrefix}triggers_job_details FOREIGN KEY (sched_name, job_name, job_group)
                REFERENCES {TablePrefix}job_details (sched_name, job_name, job_group)
        );

        CREATE TABLE {TablePrefix}simple_triggers (
            sched_name      text   NOT NULL,
            trigger_name    text   NOT NULL,
            trigger_group   text   NOT NULL,
            repeat_count    bigint NOT NULL,
            repeat_interval bigint NOT NULL,
            times_triggered bigint NOT NULL,
            CONSTRAINT pk_{TablePrefix}simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
            CONSTRAINT fk_{TablePrefix}simple_triggers_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group)
                REFERENCES {TablePrefix}triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE {TablePrefix}cron_triggers (
            sched_name      text NOT NULL,
            trigger_name    text NOT NULL,
            trigger_group   text NOT NULL,
            cron_expression text NOT NULL,
            time_zone_id    text NULL,
            CONSTRAINT pk_{TablePrefix}cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
            CONSTRAINT fk_{TablePrefix}cron_triggers_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group)
                REFERENCES {TablePrefix}triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE {TablePrefix}simprop_triggers (
            sched_name    text    NOT NULL,
            trigger_name  text    NOT NULL,
            trigger_group text    NOT NULL,
            str_prop_1    text    NULL,
            str_prop_2    text    NULL,
            str_prop_3    text    NULL,
            int_prop_1    integer NULL,
            int_prop_2    integer NULL,
            long_prop_1   bigint  NULL,
            long_prop_2   bigint  NULL,
            dec_prop_1    numeric NULL,
            dec_prop_2    numeric NULL,
            bool_prop_1   bool    NULL,
            bool_prop_2   bool    NULL,
            time_zone_id  text    NULL,
            CONSTRAINT pk_{TablePrefix}simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
            CONSTRAINT fk_{TablePrefix}simprop_triggers_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group)
                REFERENCES {TablePrefix}triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE {TablePrefix}blob_triggers (
            sched_name    text  NOT NULL,
            trigger_name  text  NOT NULL,
            trigger_group text  NOT NULL,
            blob_data     bytea NULL,
            CONSTRAINT pk_{TablePrefix}blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
            CONSTRAINT fk_{TablePrefix}blob_triggers_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group)
                REFERENCES {TablePrefix}triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE {TablePrefix}calendars (
            sched_name    text  NOT NULL,
            calendar_name text  NOT NULL,
            calendar      bytea NOT NULL,
            CONSTRAINT pk_{TablePrefix}calendars PRIMARY KEY (sched_name, calendar_name)
        );

        CREATE TABLE {TablePrefix}paused_trigger_grps (
            sched_name    text         NOT NULL,
            trigger_group text         NOT NULL,
            pause_reason  varchar(250) NULL,
            paused_by     varchar(200) NULL,
            paused_at     bigint       NULL,
            CONSTRAINT pk_{TablePrefix}paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
        );

        CREATE TABLE {TablePrefix}paused_job_grps (
            sched_name   text         NOT NULL,
            job_group    text         NOT NULL,
            pause_reason varchar(250) NULL,
            paused_by    varchar(200) NULL,
            paused_at    bigint       NULL,
            CONSTRAINT pk_{TablePrefix}paused_job_grps PRIMARY KEY (sched_name, job_group)
        );

        CREATE TABLE {TablePrefix}fired_triggers (
            sched_name               text         NOT NULL,
            entry_id                 text         NOT NULL,
            trigger_name             text         NOT NULL,
            trigger_group            text         NOT NULL,
            instance_name            text         NOT NULL,
            fired_time               bigint       NOT NULL,
            sched_time               bigint       NOT NULL,
            priority                 integer      NOT NULL,
            state                    text         NOT NULL,
            job_name                 text         NULL,
            job_group                text         NULL,
            is_nonconcurrent         bool         NOT NULL,
            requests_recovery        bool         NULL,
            execution_group          varchar(200) NULL,
            progress                 integer      NULL,
            progress_message         varchar(250) NULL,
            interrupt_requested_time bigint       NULL,
            CONSTRAINT pk_{TablePrefix}fired_triggers PRIMARY KEY (sched_name, entry_id)
        );

        CREATE TABLE {TablePrefix}scheduler_state (
            sched_name        text        NOT NULL,
            instance_name     text        NOT NULL,
            last_checkin_time bigint      NOT NULL,
            checkin_interval  bigint      NOT NULL,
            quartz_version    varchar(20) NULL,
            CONSTRAINT pk_{TablePrefix}scheduler_state PRIMARY KEY (sched_name, instance_name)
        );

        CREATE TABLE {TablePrefix}locks (
            sched_name text NOT NULL,
            lock_name  text NOT NULL,
            CONSTRAINT pk_{TablePrefix}locks PRIMARY KEY (sched_name, lock_name)
        );

        CREATE TABLE {TablePrefix}execution_history (
            sched_name          text    NOT NULL,
            entry_id            text    NOT NULL,
            instance_name       text    NOT NULL,
            job_name            text    NOT NULL,
            job_group           text    NOT NULL,
            trigger_name        text    NOT NULL,
            trigger_group       text    NOT NULL,
            fired_time          bigint  NOT NULL,
            run_time            bigint  NOT NULL,
            succeeded           bool    NOT NULL,
            error_message       text    NULL,
            retry_attempt       integer NOT NULL DEFAULT 0,
            retry_scheduled     bool    NOT NULL DEFAULT false,
            execution_log       text    NULL,
            result              integer NULL,
            summary             text    NULL,
            metrics             text    NULL,
            manual              bool    NULL,
            fire_instance_id    text    NULL,
            job_input           text    NULL,
            job_input_too_large bool    NULL,
            CONSTRAINT pk_{TablePrefix}execution_history PRIMARY KEY (sched_name, entry_id)
        );

        CREATE TABLE {TablePrefix}misfire_history (
            sched_name    text    NOT NULL,
            entry_id      text    NOT NULL,
            instance_name text    NOT NULL,
            trigger_name  text    NOT NULL,
            trigger_group text    NOT NULL,
            job_name      text    NULL,
            job_group     text    NULL,
            misfire_time  bigint  NOT NULL,
            sched_time    bigint  NULL,
            reason        integer NULL,
            CONSTRAINT pk_{TablePrefix}misfire_history PRIMARY KEY (sched_name, entry_id)
        );

        CREATE TABLE {TablePrefix}job_status (
            sched_name           text    NOT NULL,
            job_group            text    NOT NULL,
            job_name             text    NOT NULL,
            first_fired_time     bigint  NOT NULL,
            last_fired_time      bigint  NOT NULL,
            last_result          integer NOT NULL,
            last_run_time        bigint  NOT NULL,
            last_instance_name   text    NOT NULL,
            last_entry_id        text    NULL,
            last_summary         text    NULL,
            last_success_time    bigint  NULL,
            last_failure_time    bigint  NULL,
            last_failure_message text    NULL,
            consecutive_failures integer NOT NULL DEFAULT 0,
            run_count            bigint  NOT NULL DEFAULT 0,
            failure_count        bigint  NOT NULL DEFAULT 0,
            CONSTRAINT pk_{TablePrefix}job_status PRIMARY KEY (sched_name, job_group, job_name)
        );

        CREATE INDEX idx_{TablePrefix}j_g_n ON {TablePrefix}job_details (sched_name, job_group, job_name);
        CREATE INDEX idx_{TablePrefix}t_j ON {TablePrefix}triggers (sched_name, job_name, job_group);
        CREATE INDEX idx_{TablePrefix}t_g_n ON {TablePrefix}triggers (sched_name, trigger_group, trigger_name);
        CREATE INDEX idx_{TablePrefix}t_c ON {TablePrefix}triggers (sched_name, calendar_name);
        CREATE INDEX idx_{TablePrefix}t_nft_st ON {TablePrefix}triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr);
        CREATE INDEX idx_{TablePrefix}ft_inst_job_req_rcvry ON {TablePrefix}fired_triggers (sched_name, instance_name, requests_recovery);
        CREATE INDEX idx_{TablePrefix}ft_j_g ON {TablePrefix}fired_triggers (sched_name, job_name, job_group);
        CREATE INDEX idx_{TablePrefix}ft_t_g ON {TablePrefix}fired_triggers (sched_name, trigger_name, trigger_group);
        CREATE INDEX idx_{TablePrefix}eh_fired_time ON {TablePrefix}execution_history (sched_name, fired_time);
        CREATE INDEX idx_{TablePrefix}eh_inst ON {TablePrefix}execution_history (sched_name, instance_name);
        CREATE INDEX idx_{TablePrefix}eh_job_time ON {TablePrefix}execution_history (sched_name, job_group, job_name, fired_time);
        CREATE INDEX idx_{TablePrefix}eh_fire_inst ON {TablePrefix}execution_history (sched_name, fire_instance_id);
        CREATE INDEX idx_{TablePrefix}eh_trig_time ON {TablePrefix}execution_history (sched_name, trigger_group, trigger_name, fired_time);
        CREATE INDEX idx_{TablePrefix}mh_misfire_time ON {TablePrefix}misfire_history (sched_name, misfire_time);
        CREATE INDEX idx_{TablePrefix}mh_inst ON {TablePrefix}misfire_history (sched_name, instance_name);
        """;

    /// <summary>Drops the Quartz tables on PostgreSQL (referencing tables first; indexes go with their tables).</summary>
    public const string PostgresDrop = $"""
        DROP TABLE IF EXISTS {TablePrefix}simple_triggers;
        DROP TABLE IF EXISTS {TablePrefix}cron_triggers;
        DROP TABLE IF EXISTS {TablePrefix}simprop_triggers;
        DROP TABLE IF EXISTS {TablePrefix}blob_triggers;
        DROP TABLE IF EXISTS {TablePrefix}triggers;
        DROP TABLE IF EXISTS {TablePrefix}job_details;
        DROP TABLE IF EXISTS {TablePrefix}calendars;
        DROP TABLE IF EXISTS {TablePrefix}paused_trigger_grps;
        DROP TABLE IF EXISTS {TablePrefix}paused_job_grps;
        DROP TABLE IF EXISTS {TablePrefix}fired_triggers;
        DROP TABLE IF EXISTS {TablePrefix}scheduler_state;
        DROP TABLE IF EXISTS {TablePrefix}locks;
        DROP TABLE IF EXISTS {TablePrefix}execution_history;
        DROP TABLE IF EXISTS {TablePrefix}misfire_history;
        DROP TABLE IF EXISTS {TablePrefix}job_status;
        """;

    /// <summary>Creates the Quartz tables and indexes on SQL Server, as a single batch (no <c>GO</c>).</summary>
    public const string SqlServerCreate = $"""
        CREATE TABLE {TablePrefix}JOB_DETAILS (
            SCHED_NAME        nvarchar(120)  NOT NULL,
            JOB_NAME          nvarchar(150)  NOT NULL,
            JOB_GROUP         nvarchar(150)  NOT NULL,
            DESCRIPTION       nvarchar(250)  NULL,
            JOB_CLASS_NAME    nvarchar(250)  NOT NULL,
            IS_DURABLE        bit            NOT NULL,
            IS_NONCONCURRENT  bit            NOT NULL,
            IS_UPDATE_DATA    bit            NOT NULL,
            REQUESTS_RECOVERY bit            NOT NULL,
            JOB_DATA          varbinary(max) NULL,
            CONSTRAINT PK_{TablePrefix}JOB_DETAILS PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
        );

        CREATE TABLE {TablePrefix}TRIGGERS (
            SCHED_NAME              nvarchar(120)  NOT NULL,
            TRIGGER_NAME            nvarchar(150)  NOT NULL,
            TRIGGER_GROUP           nvarchar(150)  NOT NULL,
            JOB_NAME                nvarchar(150)  NOT NULL,
            JOB_GROUP               nvarchar(150)  NOT NULL,
            DESCRIPTION             nvarchar(250)  NULL,
            NEXT_FIRE_TIME          bigint         NULL,
            PREV_FIRE_TIME          bigint         NULL,
            PRIORITY                int            NULL,
            TRIGGER_STATE           nvarchar(16)   NOT NULL,
            TRIGGER_TYPE            nvarchar(8)    NOT NULL,
            START_TIME              bigint         NOT NULL,
            END_TIME                bigint         NULL,
            CALENDAR_NAME           nvarchar(200)  NULL,
            MISFIRE_INSTR           int            NULL,
            MISFIRE_ORIG_FIRE_TIME  bigint         NULL,
            EXECUTION_GROUP         nvarchar(200)  NULL,
            PREFERRED_NODE          nvarchar(200)  NULL,
            PREFERRED_NODE_AUTO     bit            NOT NULL CONSTRAINT DF_{TablePrefix}TRIGGERS_PREFERRED_NODE_AUTO DEFAULT 0,
            RETRY_POLICY            nvarchar(250)  NULL,
            RETRY_ATTEMPT           int            NULL,
            CONTINUES_TRIGGER_NAME  nvarchar(150)  NULL,
            CONTINUES_TRIGGER_GROUP nvarchar(150)  NULL,
            CONTINUATION_CONDITION  int            NULL,
            OVERLAP_POLICY          int            NULL,
            PAUSE_REASON            nvarchar(250)  NULL,
            PAUSED_BY               nvarchar(200)  NULL,
            PAUSED_AT               bigint         NULL,
            MISFIRE_THRESHOLD       bigint         NULL,
            FIXED_DELAY             bit            NULL,
            JOB_DATA                varbinary(max) NULL,
            CONSTRAINT PK_{TablePrefix}TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            CONSTRAINT FK_{TablePrefix}TRIGGERS_JOB_DETAILS FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
                REFERENCES {TablePrefix}JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP)
        );

        CREATE TABLE {TablePrefix}SIMPLE_TRIGGERS (
            SCHED_NAME      nvarchar(120) NOT NULL,
            TRIGGER_NAME    nvarchar(150) NOT NULL,
            TRIGGER_GROUP   nvarchar(150) NOT NULL,
            REPEAT_COUNT    int           NOT NULL,
            REPEAT_INTERVAL bigint        NOT NULL,
            TIMES_TRIGGERED int           NOT NULL,
            CONSTRAINT PK_{TablePrefix}SIMPLE_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            CONSTRAINT FK_{TablePrefix}SIMPLE_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
                REFERENCES {TablePrefix}TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
        );

        CREATE TABLE {TablePrefix}CRON_TRIGGERS (
            SCHED_NAME      nvarchar(120) NOT NULL,
            TRIGGER_NAME    nvarchar(150) NOT NULL,
            TRIGGER_GROUP   nvarchar(150) NOT NULL,
            CRON_EXPRESSION nvarchar(120) NOT NULL,
            TIME_ZONE_ID    nvarchar(80)  NULL,
            CONSTRAINT PK_{TablePrefix}CRON_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            CONSTRAINT FK_{TablePrefix}CRON_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
                REFERENCES {TablePrefix}TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
        );

        CREATE TABLE {TablePrefix}SIMPROP_TRIGGERS (
            SCHED_NAME    nvarchar(120) NOT NULL,
            TRIGGER_NAME  nvarchar(150) NOT NULL,
            TRIGGER_GROUP nvarchar(150) NOT NULL,
            STR_PROP_1    nvarchar(512) NULL,
            STR_PROP_2    nvarchar(512) NULL,
            STR_PROP_3    nvarchar(512) NULL,
            INT_PROP_1    int           NULL,
            INT_PROP_2    int           NULL,
            LONG_PROP_1   bigint        NULL,
            LONG_PROP_2   bigint        NULL,
            DEC_PROP_1    numeric(13,4) NULL,
            DEC_PROP_2    numeric(13,4) NULL,
            BOOL_PROP_1   bit           NULL,
            BOOL_PROP_2   bit           NULL,
            TIME_ZONE_ID  nvarchar(80)  NULL,
            CONSTRAINT PK_{TablePrefix}SIMPROP_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            CONSTRAINT FK_{TablePrefix}SIMPROP_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
                REFERENCES {TablePrefix}TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
        );

        CREATE TABLE {TablePrefix}BLOB_TRIGGERS (
            SCHED_NAME    nvarchar(120)  NOT NULL,
            TRIGGER_NAME  nvarchar(150)  NOT NULL,
            TRIGGER_GROUP nvarchar(150)  NOT NULL,
            BLOB_DATA     varbinary(max) NULL,
            CONSTRAINT PK_{TablePrefix}BLOB_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
        );

        CREATE TABLE {TablePrefix}CALENDARS (
            SCHED_NAME    nvarchar(120)  NOT NULL,
            CALENDAR_NAME nvarchar(200)  NOT NULL,
            CALENDAR      varbinary(max) NOT NULL,
            CONSTRAINT PK_{TablePrefix}CALENDARS PRIMARY KEY (SCHED_NAME, CALENDAR_NAME)
        );

        CREATE TABLE {TablePrefix}PAUSED_TRIGGER_GRPS (
            SCHED_NAME    nvarchar(120) NOT NULL,
            TRIGGER_GROUP nvarchar(150) NOT NULL,
            PAUSE_REASON  nvarchar(250) NULL,
            PAUSED_BY     nvarchar(200) NULL,
            PAUSED_AT     bigint        NULL,
            CONSTRAINT PK_{TablePrefix}PAUSED_TRIGGER_GRPS PRIMARY KEY (SCHED_NAME, TRIGGER_GROUP)
        );

        CREATE TABLE {TablePrefix}PAUSED_JOB_GRPS (
            SCHED_NAME   nvarchar(120) NOT NULL,
            JOB_GROUP    nvarchar(150) NOT NULL,
            PAUSE_REASON nvarchar(250) NULL,
            PAUSED_BY    nvarchar(200) NULL,
            PAUSED_AT    bigint        NULL,
            CONSTRAINT PK_{TablePrefix}PAUSED_JOB_GRPS PRIMARY KEY (SCHED_NAME, JOB_GROUP)
        );

        CREATE TABLE {TablePrefix}FIRED_TRIGGERS (
            SCHED_NAME               nvarchar(120) NOT NULL,
            ENTRY_ID                 nvarchar(140) NOT NULL,
            TRIGGER_NAME             nvarchar(150) NOT NULL,
            TRIGGER_GROUP            nvarchar(150) NOT NULL,
            INSTANCE_NAME            nvarchar(200) NOT NULL,
            FIRED_TIME               bigint        NOT NULL,
            SCHED_TIME               bigint        NOT NULL,
            PRIORITY                 int           NOT NULL,
            STATE                    nvarchar(16)  NOT NULL,
            JOB_NAME                 nvarchar(150) NULL,
            JOB_GROUP                nvarchar(150) NULL,
            IS_NONCONCURRENT         bit           NULL,
            REQUESTS_RECOVERY        bit           NULL,
            EXECUTION_GROUP          nvarchar(200) NULL,
            PROGRESS                 int           NULL,
            PROGRESS_MESSAGE         nvarchar(250) NULL,
            INTERRUPT_REQUESTED_TIME bigint        NULL,
            CONSTRAINT PK_{TablePrefix}FIRED_TRIGGERS PRIMARY KEY (SCHED_NAME, ENTRY_ID)
        );

        CREATE TABLE {TablePrefix}SCHEDULER_STATE (
            SCHED_NAME        nvarchar(120) NOT NULL,
            INSTANCE_NAME     nvarchar(200) NOT NULL,
            LAST_CHECKIN_TIME bigint        NOT NULL,
            CHECKIN_INTERVAL  bigint        NOT NULL,
            QUARTZ_VERSION    nvarchar(20)  NULL,
            CONSTRAINT PK_{TablePrefix}SCHEDULER_STATE PRIMARY KEY (SCHED_NAME, INSTANCE_NAME)
        );

        CREATE TABLE {TablePrefix}LOCKS (
            SCHED_NAME nvarchar(120) NOT NULL,
            LOCK_NAME  nvarchar(40)  NOT NULL,
            CONSTRAINT PK_{TablePrefix}LOCKS PRIMARY KEY (SCHED_NAME, LOCK_NAME)
        );

        CREATE TABLE {TablePrefix}EXECUTION_HISTORY (
            SCHED_NAME          nvarchar(120)  NOT NULL,
            ENTRY_ID            nvarchar(140)  NOT NULL,
            INSTANCE_NAME       nvarchar(200)  NOT NULL,
            JOB_NAME            nvarchar(150)  NOT NULL,
            JOB_GROUP           nvarchar(150)  NOT NULL,
            TRIGGER_NAME        nvarchar(150)  NOT NULL,
            TRIGGER_GROUP       nvarchar(150)  NOT NULL,
            FIRED_TIME          bigint         NOT NULL,
            RUN_TIME            bigint         NOT NULL,
            SUCCEEDED           bit            NOT NULL,
            ERROR_MESSAGE       nvarchar(1000) NULL,
            RETRY_ATTEMPT       int            NOT NULL CONSTRAINT DF_{TablePrefix}EXECUTION_HISTORY_RETRY_ATTEMPT DEFAULT 0,
            RETRY_SCHEDULED     bit            NOT NULL CONSTRAINT DF_{TablePrefix}EXECUTION_HISTORY_RETRY_SCHEDULED DEFAULT 0,
            EXECUTION_LOG       nvarchar(max)  NULL,
            RESULT              int            NULL,
            SUMMARY             nvarchar(1000) NULL,
            METRICS             nvarchar(max)  NULL,
            MANUAL              bit            NULL,
            FIRE_INSTANCE_ID    nvarchar(140)  NULL,
            JOB_INPUT           nvarchar(max)  NULL,
            JOB_INPUT_TOO_LARGE bit            NULL,
            CONSTRAINT PK_{TablePrefix}EXECUTION_HISTORY PRIMARY KEY (SCHED_NAME, ENTRY_ID)
        );

        CREATE TABLE {TablePrefix}MISFIRE_HISTORY (
            SCHED_NAME    nvarchar(120) NOT NULL,
            ENTRY_ID      nvarchar(140) NOT NULL,
            INSTANCE_NAME nvarchar(200) NOT NULL,
            TRIGGER_NAME  nvarchar(150) NOT NULL,
            TRIGGER_GROUP nvarchar(150) NOT NULL,
            JOB_NAME      nvarchar(150) NULL,
            JOB_GROUP     nvarchar(150) NULL,
            MISFIRE_TIME  bigint        NOT NULL,
            SCHED_TIME    bigint        NULL,
            REASON        int           NULL,
            CONSTRAINT PK_{TablePrefix}MISFIRE_HISTORY PRIMARY KEY (SCHED_NAME, ENTRY_ID)
        );

        CREATE TABLE {TablePrefix}JOB_STATUS (
            SCHED_NAME           nvarchar(120)  NOT NULL,
            JOB_GROUP            nvarchar(150)  NOT NULL,
            JOB_NAME             nvarchar(150)  NOT NULL,
            FIRST_FIRED_TIME     bigint         NOT NULL,
            LAST_FIRED_TIME      bigint         NOT NULL,
            LAST_RESULT          int            NOT NULL,
            LAST_RUN_TIME        bigint         NOT NULL,
            LAST_INSTANCE_NAME   nvarchar(200)  NOT NULL,
            LAST_ENTRY_ID        nvarchar(140)  NULL,
            LAST_SUMMARY         nvarchar(1000) NULL,
            LAST_SUCCESS_TIME    bigint         NULL,
            LAST_FAILURE_TIME    bigint         NULL,
            LAST_FAILURE_MESSAGE nvarchar(1000) NULL,
            CONSECUTIVE_FAILURES int            NOT NULL CONSTRAINT DF_{TablePrefix}JOB_STATUS_CONSECUTIVE_FAILURES DEFAULT 0,
            RUN_COUNT            bigint         NOT NULL CONSTRAINT DF_{TablePrefix}JOB_STATUS_RUN_COUNT DEFAULT 0,
            FAILURE_COUNT        bigint         NOT NULL CONSTRAINT DF_{TablePrefix}JOB_STATUS_FAILURE_COUNT DEFAULT 0,
            CONSTRAINT PK_{TablePrefix}JOB_STATUS PRIMARY KEY (SCHED_NAME, JOB_GROUP, JOB_NAME)
        );

        CREATE INDEX IDX_{TablePrefix}J_G_N ON {TablePrefix}JOB_DETAILS (SCHED_NAME, JOB_GROUP, JOB_NAME);
        CREATE INDEX IDX_{TablePrefix}T_J ON {TablePrefix}TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
        CREATE INDEX IDX_{TablePrefix}T_G_N ON {TablePrefix}TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME);
        CREATE INDEX IDX_{TablePrefix}T_C ON {TablePrefix}TRIGGERS (SCHED_NAME, CALENDAR_NAME);
        CREATE INDEX IDX_{TablePrefix}T_NFT_ST ON {TablePrefix}TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME ASC, PRIORITY DESC, MISFIRE_INSTR);
        CREATE INDEX IDX_{TablePrefix}FT_INST_JOB_REQ_RCVRY ON {TablePrefix}FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY);
        CREATE INDEX IDX_{TablePrefix}FT_J_G ON {TablePrefix}FIRED_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
        CREATE INDEX IDX_{TablePrefix}FT_T_G ON {TablePrefix}FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP);
        CREATE INDEX IDX_{TablePrefix}EH_FIRED_TIME ON {TablePrefix}EXECUTION_HISTORY (SCHED_NAME, FIRED_TIME);
        CREATE INDEX IDX_{TablePrefix}EH_INST ON {TablePrefix}EXECUTION_HISTORY (SCHED_NAME, INSTANCE_NAME);
        CREATE INDEX IDX_{TablePrefix}EH_JOB_TIME ON {TablePrefix}EXECUTION_HISTORY (SCHED_NAME, JOB_GROUP, JOB_NAME, FIRED_TIME);
        CREATE INDEX IDX_{TablePrefix}EH_FIRE_INST ON {TablePrefix}EXECUTION_HISTORY (SCHED_NAME, FIRE_INSTANCE_ID);
        CREATE INDEX IDX_{TablePrefix}EH_TRIG_TIME ON {TablePrefix}EXECUTION_HISTORY (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME, FIRED_TIME);
        CREATE INDEX IDX_{TablePrefix}MH_MISFIRE_TIME ON {TablePrefix}MISFIRE_HISTORY (SCHED_NAME, MISFIRE_TIME);
        CREATE INDEX IDX_{TablePrefix}MH_INST ON {TablePrefix}MISFIRE_HISTORY (SCHED_NAME, INSTANCE_NAME);
        """;

    /// <summary>Drops the Quartz tables on SQL Server 2016+ (referencing tables first; indexes and constraints go with their tables).</summary>
    public const string SqlServerDrop = $"""
        DROP TABLE IF EXISTS {TablePrefix}SIMPLE_TRIGGERS;
        DROP TABLE IF EXISTS {TablePrefix}CRON_TRIGGERS;
        DROP TABLE IF EXISTS {TablePrefix}SIMPROP_TRIGGERS;
        DROP TABLE IF EXISTS {TablePrefix}BLOB_TRIGGERS;
        DROP TABLE IF EXISTS {TablePrefix}TRIGGERS;
        DROP TABLE IF EXISTS {TablePrefix}JOB_DETAILS;
        DROP TABLE IF EXISTS {TablePrefix}CALENDARS;
        DROP TABLE IF EXISTS {TablePrefix}PAUSED_TRIGGER_GRPS;
        DROP TABLE IF EXISTS {TablePrefix}PAUSED_JOB_GRPS;
        DROP TABLE IF EXISTS {TablePrefix}FIRED_TRIGGERS;
        DROP TABLE IF EXISTS {TablePrefix}SCHEDULER_STATE;
        DROP TABLE IF EXISTS {TablePrefix}LOCKS;
        DROP TABLE IF EXISTS {TablePrefix}EXECUTION_HISTORY;
        DROP TABLE IF EXISTS {TablePrefix}MISFIRE_HISTORY;
        DROP TABLE IF EXISTS {TablePrefix}JOB_STATUS;
        """;
}
