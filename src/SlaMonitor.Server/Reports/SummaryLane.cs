namespace SlaMonitor.Server.Reports;

/// <summary>
/// A lane of the summary: carrier, destination region (the site's) and service level — the prediction's lane without its
/// origin, which the promise row does not keep. Lane is the same in words, e.g. "FASTLANE into EU, 4H-ONSITE".
/// </summary>
public sealed record SummaryLane(string? Carrier, string Region, string ServiceLevel, string Lane, int Met, int Missed, double Attainment);
