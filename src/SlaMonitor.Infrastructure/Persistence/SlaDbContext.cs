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
        });

        modelBuilder.Entity<Carrier>(carrier =>
        {
            carrier.HasKey(c => c.Code);
            carrier.Property(c => c.Name).HasMaxLength(200);
            carrier.Property(c => c.Secret).HasMaxLength(512);
            carrier.Property(c => c.PreviousSecret).HasMaxLength(512);
        });

        modelBuilder.Entity<StoredEvent>(stored =>
        {
            stored.ToTable("Events");
            stored.HasKey(e => e.Id);
            stored.HasIndex(e => new { e.CarrierCode, e.EventId }).IsUnique();
            stored.HasIndex(e => e.TicketRef);
            stored.HasIndex(e => e.ShipmentRef);
            stored.Property(e => e.Note).HasMaxLength(2000);
        });

        modelBuilder.Entity<Promise>(promise =>
        {
            promise.HasKey(p => p.TicketRef);
            promise.HasIndex(p => p.Status);
            promise.HasIndex(p => p.NextEvaluationAt);
            promise.HasIndex(p => p.Deadline);
            promise.HasIndex(p => p.UpdatedAt); // also the board's feed: what changed since its cursor
            promise.HasIndex(p => p.ClosedAt); // the board's attainment by closing day
            promise.Property(p => p.PausedByBlameJson).HasMaxLength(512);
            promise.Property(p => p.ReasonsJson).Metadata.SetMaxLength(null);
            promise.Property(p => p.Revision).IsConcurrencyToken();
        });
    }
}
