namespace SlaMonitor.Server.Promises;

/// <summary>Paused (lost) seconds per blame category, as stored on a promise.</summary>
public sealed record PausedByBlame(long Customer, long Customs, long Carrier, long Weather, long Other);
