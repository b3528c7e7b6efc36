namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// A correction made by hand to a promise (void an event, close, reopen, move the deadline), with who, why and when.
/// Kept like an event: every re-derivation of the promise applies it.
/// </summary>
public sealed class StoredCorrection
{
    public long Id { get; set; }
    public required string TicketRef { get; set; }

    /// <summary>void, close, reopen or moveDeadline.</summary>
    public required string Action { get; set; }

    /// <summary>The voided event's carrier and id.</summary>
    public string? CarrierCode { get; set; }

    public string? EventId { get; set; }

    /// <summary>The closing instant of a close, the new deadline of a moveDeadline.</summary>
    public DateTime? At { get; set; }

    public required string Reason { get; set; }
    public required string Actor { get; set; }
    public DateTime MadeAt { get; set; }
}
