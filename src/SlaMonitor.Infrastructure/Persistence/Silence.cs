namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// Mutes the alerts of escalations matching every given field (carrier, region, customer) from <see cref="From"/>
/// until <see cref="Until"/> or until it is ended early (<see cref="EndedAt"/>), e.g. for a known outage.
/// </summary>
public sealed class Silence
{
    public Guid Id { get; set; }
    public string? Carrier { get; set; }
    public string? Region { get; set; }
    public string? Customer { get; set; }
    public DateTime From { get; set; }
    public DateTime Until { get; set; }
    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when it was ended before <see cref="Until"/>.</summary>
    public DateTime? EndedAt { get; set; }
}
