namespace SlaMonitor.Infrastructure.Persistence;

public sealed class Carrier
{
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>HMAC secret; kept readable because the webhook must recompute signatures.</summary>
    public required string Secret { get; set; }

    /// <summary>The secret before the last change; both verify until it is retired (rotation without downtime).</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>Webhook requests per second this carrier may send; null: the installation's default.</summary>
    public int? RequestsPerSecond { get; set; }

    public required string Format { get; set; }

    /// <summary>
    /// The customers whose promises this carrier may report on, as a JSON array of codes or <c>["*"]</c> (all).
    /// Null: a carrier stored before grants existed; treated as all, and named in a warning at every start.
    /// </summary>
    public string? CustomersJson { get; set; }
    public DateTime UpdatedAt { get; set; }
}
