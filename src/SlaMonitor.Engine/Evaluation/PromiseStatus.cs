namespace SlaMonitor.Engine;

public enum PromiseStatus
{
    OnTrack,
    AtRisk,
    Breached,
    Paused,
    Met,
    Missed,
    Cancelled,
}
