namespace SlaMonitor.Engine;

/// <summary>
/// The event vocabulary of the canonical contract (PRODUCT.md): the kinds as they travel ("shipment"), every code
/// of each kind, and the reason prefixes. The webhook validates against it; the fold reads meaning from it.
/// </summary>
public static class EventCodes
{
    public const string Shipment = "shipment";
    public const string Customs = "customs";
    public const string Repair = "repair";

    public const string Opened = "OPENED";
    public const string PartRequested = "PART_REQUESTED";
    public const string PartAllocated = "PART_ALLOCATED";
    public const string TechnicianDispatched = "TECHNICIAN_DISPATCHED";
    public const string TechnicianOnsite = Milestones.TechnicianOnsite;
    public const string CustomerHoldStarted = "CUSTOMER_HOLD_STARTED";
    public const string CustomerHoldEnded = "CUSTOMER_HOLD_ENDED";
    public const string Resolved = Milestones.Resolved;
    public const string Closed = "CLOSED";
    public const string Cancelled = "CANCELLED";

    public const string LabelCreated = "LABEL_CREATED";
    public const string PickedUp = "PICKED_UP";
    public const string InTransit = "IN_TRANSIT";
    public const string ArrivedAtHub = "ARRIVED_AT_HUB";
    public const string OutForDelivery = "OUT_FOR_DELIVERY";
    public const string DeliveryAttempted = "DELIVERY_ATTEMPTED";
    public const string AvailableForPickup = "AVAILABLE_FOR_PICKUP";
    public const string Delayed = "DELAYED";
    public const string Exception = "EXCEPTION";
    public const string Delivered = Milestones.Delivered;
    public const string Returned = "RETURNED";

    public const string EntryFiled = "ENTRY_FILED";
    public const string DocumentsRequested = "DOCUMENTS_REQUESTED";
    public const string Held = "HELD";
    public const string Released = "RELEASED";
    public const string Rejected = "REJECTED";

    /// <summary>Every code a kind may carry.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ByKind = new Dictionary<string, IReadOnlySet<string>>
    {
        [Shipment] = new HashSet<string>
        {
            LabelCreated, PickedUp, InTransit, ArrivedAtHub, OutForDelivery, DeliveryAttempted,
            AvailableForPickup, Delayed, Exception, Delivered, Returned, Cancelled,
        },
        [Customs] = new HashSet<string> { EntryFiled, DocumentsRequested, Held, Released, Rejected },
        [Repair] = new HashSet<string>
        {
            Opened, PartRequested, PartAllocated, TechnicianDispatched, TechnicianOnsite,
            CustomerHoldStarted, CustomerHoldEnded, Resolved, Closed, Cancelled,
        },
    };

    /// <summary>A reason starts with its blame category.</summary>
    public static readonly IReadOnlyList<string> ReasonPrefixes = ["CARRIER_", "CUSTOMER_", "CUSTOMS_", "WEATHER_", "OTHER_"];

    /// <summary>The kind of a stored event ("shipment", "customs", "repair"); anything else is a shipment.</summary>
    public static EventKind KindOf(string kind) => kind switch
    {
        Customs => EventKind.Customs,
        Repair => EventKind.Repair,
        _ => EventKind.Shipment,
    };
}
