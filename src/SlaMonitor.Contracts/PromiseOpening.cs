namespace SlaMonitor.Contracts;

public sealed record PromiseOpening
{
    public required string Customer { get; init; }
    public required string Site { get; init; }
    public required string ServiceLevel { get; init; }

    /// <summary>The deadline quoted to the customer; replaces the policy's target for this promise when given.</summary>
    public DateTimeOffset? PromisedBy { get; init; }
}
