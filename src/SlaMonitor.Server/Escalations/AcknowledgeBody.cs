namespace SlaMonitor.Server.Escalations;

public sealed record AcknowledgeBody
{
    public string? By { get; init; }
    public string? Note { get; init; }
}
