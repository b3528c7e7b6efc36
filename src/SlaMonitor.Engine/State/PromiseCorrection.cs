using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// A correction made by hand, an input of the fold like an event: a promise re-derived later (a new event, a
/// wake-up) keeps it. <see cref="MadeAt"/> orders corrections among themselves; the host passes them in the order
/// they were made. <see cref="At"/> is the closing instant of <see cref="CorrectionKind.Close"/> and the new
/// deadline of <see cref="CorrectionKind.MoveDeadline"/>.
/// </summary>
public sealed record PromiseCorrection(CorrectionKind Kind, Instant MadeAt, Instant? At = null, string? CarrierCode = null, string? EventId = null)
{
    public static PromiseCorrection Void(string carrierCode, string eventId, Instant madeAt) => new(CorrectionKind.VoidEvent, madeAt, null, carrierCode, eventId);

    public static PromiseCorrection Close(Instant closedAt, Instant madeAt) => new(CorrectionKind.Close, madeAt, closedAt);

    public static PromiseCorrection Reopen(Instant madeAt) => new(CorrectionKind.Reopen, madeAt);

    public static PromiseCorrection MoveDeadline(Instant deadline, Instant madeAt) => new(CorrectionKind.MoveDeadline, madeAt, deadline);
}
