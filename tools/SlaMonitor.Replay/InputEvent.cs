using System.Text.Json.Nodes;
using NodaTime;

namespace SlaMonitor.Replay;

/// <summary>One row of events.csv: the canonical event body, the carrier that sends it, and its line for error reports.</summary>
public sealed record InputEvent(int Line, string Carrier, Instant OccurredAt, JsonObject Body)
{
    public string? TicketRef => (string?)Body["ticketRef"];

    public bool IsOpened => (string?)Body["code"] == "OPENED" && (string?)Body["kind"] == "repair";

    public bool IsShipment => (string?)Body["kind"] == "shipment";
}
