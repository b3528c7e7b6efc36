namespace SlaMonitor.Engine;

internal static class Signals
{
    public static Signal From(EventKind kind, string code) => (kind, code) switch
    {
        (_, "CANCELLED") => Signal.Cancelled,
        (EventKind.Repair, "OPENED" or "PART_REQUESTED" or "PART_ALLOCATED") => Signal.AwaitingPickup,
        (EventKind.Repair, "TECHNICIAN_DISPATCHED") => Signal.TechnicianDispatched,
        (EventKind.Repair, "TECHNICIAN_ONSITE") => Signal.TechnicianOnsite,
        (EventKind.Repair, "RESOLVED") => Signal.Resolved,
        (EventKind.Repair, "CUSTOMER_HOLD_STARTED") => Signal.CustomerHoldStarted,
        (EventKind.Repair, "CUSTOMER_HOLD_ENDED") => Signal.CustomerHoldEnded,
        (EventKind.Shipment, "LABEL_CREATED") => Signal.AwaitingPickup,
        (EventKind.Shipment, "PICKED_UP" or "IN_TRANSIT" or "ARRIVED_AT_HUB" or "DELAYED" or "EXCEPTION") => Signal.Moving,
        (EventKind.Shipment, "OUT_FOR_DELIVERY" or "DELIVERY_ATTEMPTED" or "AVAILABLE_FOR_PICKUP") => Signal.OutForDelivery,
        (EventKind.Shipment, "DELIVERED") => Signal.Delivered,
        (EventKind.Customs, "HELD" or "DOCUMENTS_REQUESTED") => Signal.CustomsHeld,
        (EventKind.Customs, "RELEASED") => Signal.CustomsReleased,
        _ => Signal.Informational,
    };

    public static Signal FromMilestone(string milestone) => milestone switch
    {
        Milestones.Delivered => Signal.Delivered,
        Milestones.TechnicianOnsite => Signal.TechnicianOnsite,
        Milestones.Resolved => Signal.Resolved,
        _ => throw new ArgumentException($"Unknown fulfilling milestone '{milestone}'.", nameof(milestone)),
    };

    /// <summary>The stage an event moves the promise into, or null when it does not move it.</summary>
    public static PromiseStage? Stage(Signal signal) => signal switch
    {
        Signal.AwaitingPickup => PromiseStage.AwaitingPickup,
        Signal.Moving or Signal.CustomsReleased => PromiseStage.InTransit,
        Signal.CustomsHeld => PromiseStage.CustomsHold,
        Signal.OutForDelivery => PromiseStage.OutForDelivery,
        Signal.Delivered or Signal.TechnicianDispatched => PromiseStage.AwaitingTechnician,
        Signal.TechnicianOnsite => PromiseStage.TechnicianOnSite,
        _ => null,
    };
}
