namespace SlaMonitor.Contracts;

public sealed record PromiseOpening
{
    public required string Customer { get; init; }
    public required string Site { get; init; }
    public required string ServiceLevel { get; init; }
}
