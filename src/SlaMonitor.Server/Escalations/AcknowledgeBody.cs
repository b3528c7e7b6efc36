namespace SlaMonitor.Server.Escalations;

public sealed record AcknowledgeBody
{
    /// <summary>Deprecated, ignored: who acknowledged is the authenticated key's name. Accepted for one more version so old clients keep working.</summary>
    public string? By { get; init; }
    public string? Note { get; init; }
}
