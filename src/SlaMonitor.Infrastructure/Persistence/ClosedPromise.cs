namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// A closed promise as the attainment report reads it: one narrow row per met, missed or cancelled promise, written in
/// the same save as the promise (closing adds it, a correction moves it, reopening removes it). The report scans a
/// million of these in a fraction of the time of the wide promise rows, and they lie in closing order on disk.
/// </summary>
public sealed class ClosedPromise
{
    public required string TicketRef { get; set; }

    public DateTime ClosedAt { get; set; }

    /// <summary>The status as a small number: <see cref="ClosedStatuses"/>.</summary>
    public short Status { get; set; }

    public long? MarginSeconds { get; set; }

    public long LostCustomerSeconds { get; set; }

    public long LostCustomsSeconds { get; set; }

    public long LostCarrierSeconds { get; set; }

    public long LostWeatherSeconds { get; set; }

    public long LostOtherSeconds { get; set; }

    public required string CustomerCode { get; set; }

    /// <summary>The site's region, kept equal to it: a site whose region changes has its rows changed in the same save.</summary>
    public required string Region { get; set; }

    public string? CarrierCode { get; set; }

    public required string ServiceLevel { get; set; }

    public required string SiteCode { get; set; }
}
