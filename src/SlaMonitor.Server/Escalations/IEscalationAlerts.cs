using NodaTime;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>
/// Tells the people of a ladder level (<c>board</c>, <c>accountManager</c>, <c>dutyManager</c>) about an escalation
/// that opened, climbed or is re-notified. Escalations decide when and whom; the notifications slice delivers.
/// </summary>
public interface IEscalationAlerts
{
    Task Notify(Escalation escalation, string notify, Instant now, CancellationToken ct);
}
