using NodaTime;

namespace SlaMonitor.Engine.Tests;

/// <summary>Builds engine events for the tests; ids are unique per code and instant unless given.</summary>
internal static class Events
{
    public static PromiseEvent Shipment(string code, Instant at, string? id = null, string? reason = null, string? location = null) =>
        new("UPS", id ?? $"{code}@{at}", EventKind.Shipment, code, at, reason, location);

    public static PromiseEvent Customs(string code, Instant at, string? id = null, string? reason = null, string? location = "DE-FRA") =>
        new("BROKER", id ?? $"{code}@{at}", EventKind.Customs, code, at, reason, location);

    public static PromiseEvent Repair(string code, Instant at, string? id = null, string? reason = null) =>
        new("FSP", id ?? $"{code}@{at}", EventKind.Repair, code, at, reason);

    public static LaneKey Lane { get; } = new("UPS", "NL", "DE", "4H-ONSITE");
}
