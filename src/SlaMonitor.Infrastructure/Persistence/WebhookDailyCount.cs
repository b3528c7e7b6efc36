namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// One carrier's webhook requests on one UTC day, rolled up from the delivery log before its retention deletes the
/// day's rows, so carrier scorecards (and their trends) keep their numbers for days whose raw rows are gone.
/// </summary>
public sealed class WebhookDailyCount
{
    public required string CarrierCode { get; set; }

    /// <summary>The UTC day, as its midnight.</summary>
    public DateTime Day { get; set; }

    public int Requests { get; set; }

    /// <summary>Requests answered other than 202 (problem details: 400, 413, 422, …).</summary>
    public int Rejected { get; set; }

    public int AcceptedEvents { get; set; }

    public int Duplicates { get; set; }
}
