namespace SlaMonitor.Server.Ingest.Parked;

/// <summary>Counts of waiting and expired parked events, and one page of them, newest received first.</summary>
public sealed record ParkedEventPage(int Waiting, int Expired, IReadOnlyList<ParkedEventView> Items, int Total, int Offset, int Limit);
