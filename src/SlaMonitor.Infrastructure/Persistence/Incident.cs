namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>Escalations sharing a business key (carrier + region + reason category) within a window.</summary>
public sealed class Incident
{
    public Guid Id { get; set; }
    public required string GroupKey { get; set; }
    public string? CarrierCode { get; set; }
    public required string Region { get; set; }
    public required string ReasonKey { get; set; }
    public DateTime OpenedAt { get; set; }

    /// <summary>Members join until this instant (OpenedAt + Escalations:GroupingWindow).</summary>
    public DateTime WindowEndsAt { get; set; }

    public int MemberCount { get; set; }

    /// <summary>When account managers were last told about this incident (inhibits per-member messages).</summary>
    public DateTime? LastNotifiedAt { get; set; }

    public int NotifyCount { get; set; }
    public int Revision { get; set; }
}
