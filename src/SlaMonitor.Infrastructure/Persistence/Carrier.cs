namespace SlaMonitor.Infrastructure.Persistence;

public sealed class Carrier
{
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>HMAC secret; kept readable because the webhook must recompute signatures.</summary>
    public required string Secret { get; set; }

    public required string Format { get; set; }
    public DateTime UpdatedAt { get; set; }
}
