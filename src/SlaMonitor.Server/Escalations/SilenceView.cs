namespace SlaMonitor.Server.Escalations;

/// <summary>A silence as the API shows it; <see cref="Active"/> when its window covers now and it was not ended.</summary>
public sealed record SilenceView(
    Guid Id, string? Carrier, string? Region, string? Customer, DateTimeOffset From, DateTimeOffset Until, string Reason,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, bool Active);
