namespace SlaMonitor.Server.Ingest.Webhooks;

public sealed record OpenedBody
{
    public string? Customer { get; init; }
    public string? Site { get; init; }
    public string? ServiceLevel { get; init; }
    public string? PromisedBy { get; init; }
}
