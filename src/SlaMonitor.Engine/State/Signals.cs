namespace SlaMonitor.Engine;

internal static class Signals
{
    public static Signal From(EventKind kind, string code) => (kind, code) switch
    {
        (_, EventCodes.Cancelled) => Signal.Cancelled,
        (EventKind.Repair, EventCodes.Opened or EventCodes.PartRequested or EventCodes.PartAllocated) => Signal.AwaitingPickup,
        (EventKind.Repair, EventCodes.TechnicianDispatched) => Signal.TechnicianDispatched,
        (EventKind.Repair, EventCodes.TechnicianOnsite) => Signal.TechnicianOnsite,
        (EventKind.Repair, EventCodes.Resolved) => Signal.Resolved,
        (EventKind.Repair, EventCodes.CustomerHoldStarted) => Signal.CustomerHoldStarted,
        (EventKind.Repair, EventCodes.CustomerHoldEnded) => Signal.CustomerHoldEnded,
        (EventKind.Shipment, EventCodes.LabelCreated) => Signal.AwaitingPickup,
        (EventKind.Shipment, EventCodes.PickedUp or EventCodes.InTransit or EventCodes.ArrivedAtHub or EventCodes.Delayed or EventCodes.Exception) => Signal.Moving,
        (EventKind.Shipment, EventCodes.OutForDelivery or EventCodes.DeliveryAttempted or EventCodes.AvailableForPickup) => Signal.OutForDelivery,
        (EventKind.Shipment, EventCodes.Delivered) => Signal.Delivered,
        (EventKind.Customs, EventCodes.Held or EventCodes.DocumentsRequested) => Signal.CustomsHeld,
        (EventKind.Customs, EventCodes.Released) => Signal.CustomsReleased,
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
