using NodaTime;

namespace SlaMonitor.Replay;

/// <summary>What the replay saw of one scored promise (opened inside the scoring window).</summary>
public sealed class ScoredPromise(string ticketRef, Instant openedAt)
{
    public string TicketRef { get; } = ticketRef;

    public Instant OpenedAt { get; } = openedAt;

    /// <summary>The latest deadline the server showed (pauses move it).</summary>
    public Instant Deadline { get; set; }

    /// <summary>The final status: MET, MISSED, CANCELLED, or still open at the end (BREACHED, ON_TRACK, …).</summary>
    public string Status { get; set; } = "";

    public Instant? ClosedAt { get; set; }

    /// <summary>The first tick or event instant before the deadline at which the server showed AT_RISK.</summary>
    public Instant? FirstWarning { get; set; }

    /// <summary>The first shipment event (the pickup), and whether the server showed AT_RISK right after it.</summary>
    public Instant? PickedUpAt { get; set; }

    public bool AtRiskAtPickup { get; set; }

    public List<Observation> Observations { get; } = [];

    /// <summary>Late: fulfilled after the deadline, or still open past it at the end.</summary>
    public bool IsLate => Status is "MISSED" or "BREACHED";

    /// <summary>Outcome known: late, or fulfilled on time.</summary>
    public bool IsJudged => IsLate || Status == "MET";
}
