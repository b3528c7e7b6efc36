namespace SlaMonitor.Contracts;

public sealed record EventLocation
{
    public string? Code { get; init; }
    public string? CountryCode { get; init; }
}
