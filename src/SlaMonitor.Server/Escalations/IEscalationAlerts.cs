namespace SlaMonitor.Server.Escalations;

/// <summary>
/// Escalations decide when and whom to tell and save that as <see cref="Infrastructure.Persistence.Alert"/> rows with
/// the change; the notifications slice delivers them. <see cref="Queued"/> says new rows are in, so delivery starts now
/// rather than at the next poll.
/// </summary>
public interface IEscalationAlerts
{
    void Queued();
}
