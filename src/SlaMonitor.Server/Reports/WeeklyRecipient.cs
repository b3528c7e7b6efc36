using NodaTime;

namespace SlaMonitor.Server.Reports;

/// <summary>Who gets a weekly report, in which zone, about which customers (null: all, for executives).</summary>
public sealed record WeeklyRecipient(string Address, DateTimeZone Zone, IReadOnlyCollection<string>? Customers);
