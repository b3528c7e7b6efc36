namespace SlaMonitor.Server.Ingest.Webhooks;

public sealed record LocationBody
{
    public string? Code { get; init; }
    public string? CountryCode { get; init; }
}
