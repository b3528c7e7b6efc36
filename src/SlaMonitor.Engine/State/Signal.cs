namespace SlaMonitor.Engine;

/// <summary>What an event means to the fold; the event code is reduced to this on arrival.</summary>
internal enum Signal : byte
{
    Informational,
    AwaitingPickup,
    Moving,
    CustomsHeld,
    CustomsReleased,
    OutForDelivery,
    Delivered,
    TechnicianDispatched,
    TechnicianOnsite,
    Resolved,
    Cancelled,
    CustomerHoldStarted,
    CustomerHoldEnded,
}
