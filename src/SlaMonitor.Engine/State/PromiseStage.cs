namespace SlaMonitor.Engine;

/// <summary>Where a promise is in its journey; lane statistics are kept per stage.</summary>
public enum PromiseStage : byte
{
    AwaitingPickup,
    InTransit,
    CustomsHold,
    OutForDelivery,
    AwaitingTechnician,
    TechnicianOnSite,
}
