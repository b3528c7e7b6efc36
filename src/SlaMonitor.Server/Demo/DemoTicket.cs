namespace SlaMonitor.Server.Demo;

/// <summary>A simulated repair ticket and the events still to come for it.</summary>
public sealed record DemoTicket(string TicketRef, string ShipmentRef, string SiteCode, string TimeZone, Queue<DemoStep> Steps);

public sealed record DemoStep(string Carrier, string Kind, string Code, string? Location = null, string? Reason = null);
