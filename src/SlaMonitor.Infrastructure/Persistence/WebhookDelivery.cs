namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>One webhook request of a known carrier and what became of it, for the carrier's delivery log.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public required string CarrierCode { get; set; }
    public DateTime ReceivedAt { get; set; }
    public int StatusCode { get; set; }
    public int Accepted { get; set; }
    public int Duplicates { get; set; }

    /// <summary>Title and detail of the problem when the request was refused.</summary>
    public string? Problem { get; set; }

    /// <summary>Per-event results (accepted/duplicate) or, when refused, the validation errors by field; JSON.</summary>
    public required string DetailsJson { get; set; }
}
