namespace SlaMonitor.Server.Definitions;

public sealed record CarrierBody
{
    public string? Name { get; init; }
    public string? Secret { get; init; }
    public string? Format { get; init; }
    public int? RequestsPerSecond { get; init; }

    /// <summary>The customers whose promises this carrier may report on, or ["*"]; required.</summary>
    public IReadOnlyList<string>? Customers { get; init; }
}
