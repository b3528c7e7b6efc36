namespace SlaMonitor.Server.Reports;

/// <summary>The promises a report counts, beyond its range: the same filters as the promises list, and the caller's customers (null: all).</summary>
public sealed record AttainmentFilter(
    string? Customer = null, string? Carrier = null, string? Region = null, string? ServiceLevel = null, string? Site = null,
    IReadOnlyCollection<string>? VisibleCustomers = null);
