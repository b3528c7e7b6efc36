namespace SlaMonitor.Server.Promises;

/// <summary>On a timeline entry that is void: who voided it, why and when; the event is no longer applied.</summary>
public sealed record VoidMark(string By, string Reason, DateTimeOffset At);
