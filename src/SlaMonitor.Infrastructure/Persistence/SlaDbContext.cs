using Microsoft.EntityFrameworkCore;

namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// The one model for every provider. Each provider has a subclass only so that it
/// owns its own migrations set (EF binds migrations to a context type).
/// </summary>
public class SlaDbContext(DbContextOptions options) : DbContext(options)
{
    public const int RefLength = 128;

    public DbSet<Site> Sites => Set<Site>();
    public DbSet<PolicyVersion> Policies => Set<PolicyVersion>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Carrier> Carriers => Set<Carrier>();
    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<Promise> Promises => Set<Promise>();
    public DbSet<ClosedPromise> ClosedPromises => Set<ClosedPromise>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookDailyCount> WebhookDailyCounts => Set<WebhookDailyCount>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Silence> Silences => Set<Silence>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<StoredCorrection> Corrections => Set<StoredCorrection>();
    public DbSet<IngestWorker> IngestWorkers => Set<IngestWorker>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every DateTime is UTC; SQLite and SQL Server read back Kind=Unspecified without this.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(RefLength);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Site>(site =>
        {
            site.HasKey(s => s.Code);
            site.Property(s => s.Name).HasMaxLength(200);
            site.Property(s => s.CalendarJson).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<PolicyVersion>(policy =>
        {
            policy.HasKey(p => new { p.ServiceLevel, p.Version });
            policy.Property(p => p.DefinitionJson).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<Customer>(customer =>
        {
            customer.HasKey(c => c.Code);
            customer.Property(c => c.Name).HasMaxLength(200);
            customer.Property(c => c.AccountManagersJson).Metadata.SetMaxLength(null);
            customer.Property(c => c.AlertWebhook).HasMaxLength(2000);
            customer.Property(c => c.AlertSecret).HasMaxLength(512);
            customer.Property(c => c.PreviousAlertSecret).HasMaxLength(512);
        });

        modelBuilder.Entity<Carrier>(carrier =>
        {
            carrier.HasKey(c => c.Code);
            carrier.Property(c => c.Name).HasMaxLength(200);
            carrier.Property(c => c.Secret).HasMaxLength(512);
            carrier.Property(c => c.PreviousSecret).HasMaxLength(512);
            carrier.Property(c => c.CustomersJson).HasMaxLength(4000);
        });

        modelBuilder.Entity<StoredEvent>(stored =>
        {
            stored.ToTable("Events");
            stored.HasKey(e => e.Id);
            // Led by EventId, so "which of these ids are stored" always descends once per id: led by CarrierCode,
            // PostgreSQL with stale statistics (a young, fast-growing table) read all of a carrier's events and
            // filtered the ids. Likewise nearly every event has no ParkedExpiredAt, and an index led by it was used
            // to read every event when loading a few tickets'; only the expired ones need an index (the periodic
            // expiry reads the events received before its cutoff, most of the table, so it scans). Both found
            // under load, see docs/benchmarks.md.
            stored.HasIndex(e => new { e.EventId, e.CarrierCode }).IsUnique();
            stored.HasIndex(e => e.TicketRef);
            stored.HasIndex(e => e.ShipmentRef);
            stored.HasIndex(e => e.ParkedExpiredAt).HasFilter("\"ParkedExpiredAt\" IS NOT NULL");
            stored.Property(e => e.Note).HasMaxLength(2000);
            stored.Property(e => e.RefusedReason).HasMaxLength(300);
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.HasKey(d => d.Id);
            delivery.HasIndex(d => new { d.CarrierCode, d.ReceivedAt });
            delivery.Property(d => d.Problem).HasMaxLength(2000);
            delivery.Property(d => d.DetailsJson).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<WebhookDailyCount>(daily => daily.HasKey(d => new { d.Day, d.CarrierCode }));

        modelBuilder.Entity<Promise>(promise =>
        {
            promise.HasKey(p => p.TicketRef);
            promise.HasIndex(p => p.Status);
            promise.HasIndex(p => p.NextEvaluationAt);
            promise.HasIndex(p => p.Deadline);
            promise.HasIndex(p => p.UpdatedAt); // also the board's feed: what changed since its cursor
            promise.HasIndex(p => p.ClosedAt); // the board's attainment by closing day
            promise.Property(p => p.PausedByBlameJson).HasMaxLength(512);
            promise.Property(p => p.EstimateSource).HasMaxLength(300);
            promise.Property(p => p.ReasonsJson).Metadata.SetMaxLength(null);
            promise.Property(p => p.Revision).IsConcurrencyToken();
        });

        modelBuilder.Entity<ClosedPromise>(closed =>
        {
            closed.HasKey(c => c.TicketRef);
            closed.HasIndex(c => c.ClosedAt);
        });

        modelBuilder.Entity<Escalation>(escalation =>
        {
            escalation.HasKey(e => e.Id);
            escalation.HasIndex(e => e.OpenKey).IsUnique();
            escalation.HasIndex(e => e.TicketRef);
            escalation.HasIndex(e => e.NextNotifyAt);
            escalation.HasIndex(e => new { e.State, e.CustomerCode });
            escalation.HasIndex(e => e.IncidentId);
            escalation.HasIndex(e => e.UpdatedAt);
            escalation.Property(e => e.ReasonsJson).Metadata.SetMaxLength(null);
            escalation.Property(e => e.AcknowledgeNote).HasMaxLength(2000);
            escalation.Property(e => e.AcknowledgedBy).HasMaxLength(200);
            escalation.Property(e => e.AssignedTo).HasMaxLength(200);
            escalation.Property(e => e.Revision).IsConcurrencyToken();
        });

        modelBuilder.Entity<Incident>(incident =>
        {
            incident.HasKey(i => i.Id);
            incident.HasIndex(i => new { i.GroupKey, i.WindowEndsAt });
            incident.Property(i => i.GroupKey).HasMaxLength(400);
            incident.Property(i => i.Revision).IsConcurrencyToken();
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("Outbox");
            message.HasKey(m => m.Id);
            message.Property(m => m.Body).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<Alert>(alert =>
        {
            alert.HasKey(a => a.Id);
            alert.HasIndex(a => new { a.State, a.NextAttemptAt });
            alert.HasIndex(a => a.EscalationId);
            alert.Property(a => a.LastError).HasMaxLength(2000);
            alert.Property(a => a.Subject).HasMaxLength(300);
            alert.Property(a => a.Body).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<Silence>(silence =>
        {
            silence.HasKey(s => s.Id);
            silence.HasIndex(s => s.Until);
            silence.Property(s => s.Reason).HasMaxLength(2000);
            silence.Property(s => s.CreatedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<IngestWorker>(worker =>
        {
            worker.HasKey(w => w.Id);
            worker.Property(w => w.Id).HasMaxLength(64);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditLog");
            entry.HasKey(a => a.Id);
            entry.HasIndex(a => a.At);
            entry.HasIndex(a => new { a.Entity, a.At });
            entry.HasIndex(a => new { a.Actor, a.At });
            entry.Property(a => a.Actor).HasMaxLength(200);
            entry.Property(a => a.Entity).HasMaxLength(32);
            entry.Property(a => a.Action).HasMaxLength(32);
            entry.Property(a => a.BeforeJson).Metadata.SetMaxLength(null);
            entry.Property(a => a.AfterJson).Metadata.SetMaxLength(null);
        });

        modelBuilder.Entity<StoredCorrection>(correction =>
        {
            correction.ToTable("Corrections");
            correction.HasKey(c => c.Id);
            correction.HasIndex(c => c.TicketRef);
            correction.Property(c => c.Action).HasMaxLength(32);
            correction.Property(c => c.Reason).HasMaxLength(2000);
            correction.Property(c => c.Actor).HasMaxLength(200);
        });

        modelBuilder.Entity<NotificationDelivery>(delivery =>
        {
            delivery.HasKey(d => d.Id);
            delivery.HasIndex(d => d.EscalationId);
            delivery.HasIndex(d => d.IncidentId);
            delivery.Property(d => d.Target).HasMaxLength(2000);
            delivery.Property(d => d.Detail).HasMaxLength(2000);
        });
    }
}
