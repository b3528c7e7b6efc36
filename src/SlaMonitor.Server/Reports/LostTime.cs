namespace SlaMonitor.Server.Reports;

/// <summary>Paused time by blame category (the prefix of the pausing event's reason), as ISO 8601 durations.</summary>
public sealed record LostTime(string Customer, string Customs, string Carrier, string Weather, string Other);
