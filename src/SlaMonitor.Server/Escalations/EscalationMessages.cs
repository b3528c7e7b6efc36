using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>Bus messages for the board from stored escalations.</summary>
public static class EscalationMessages
{
    public static EscalationOpened Opened(Escalation e, string notify) => new()
    {
        EscalationId = e.Id,
        TicketRef = e.TicketRef,
        Customer = e.CustomerCode,
        Site = e.SiteCode,
        Carrier = e.CarrierCode,
        Region = e.Region,
        ReasonKey = e.ReasonKey,
        PromiseStatus = e.PromiseStatus,
        Level = e.Level,
        Notify = notify,
        IncidentId = e.IncidentId,
        Deadline = new DateTimeOffset(e.Deadline, TimeSpan.Zero),
        OpenedAt = new DateTimeOffset(e.OpenedAt, TimeSpan.Zero),
    };

    public static EscalationChanged Changed(Escalation e, string change, string? notify, Instant now) => new()
    {
        EscalationId = e.Id,
        TicketRef = e.TicketRef,
        Customer = e.CustomerCode,
        Change = change,
        State = e.State,
        Level = e.Level,
        Notify = notify,
        PromiseStatus = e.PromiseStatus,
        AcknowledgedBy = e.AcknowledgedBy,
        AssignedTo = e.AssignedTo,
        Outcome = e.Outcome,
        ChangedAt = now.ToDateTimeOffset(),
    };
}
