using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>What a person's action changes on an escalation, as its audit entry shows before and after.</summary>
public sealed record AuditedEscalation(
    string TicketRef, string State, int Level, string? AcknowledgedBy, string? AcknowledgeNote, string? AssignedTo, string? Outcome)
{
    public static AuditedEscalation Of(Escalation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.TicketRef, e.State, e.Level, e.AcknowledgedBy, e.AcknowledgeNote, e.AssignedTo, e.Outcome);
    }
}
