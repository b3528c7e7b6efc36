namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// One configuration change or action by a person, saved with the change itself: who (the API key's name), when,
/// what (<see cref="Entity"/>, <see cref="EntityKey"/>, <see cref="Action"/>) and the state before and after as JSON
/// with secrets redacted.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public required string Action { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
}
