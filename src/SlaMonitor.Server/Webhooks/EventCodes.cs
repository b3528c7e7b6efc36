namespace SlaMonitor.Server.Webhooks;

public static class EventCodes
{
    public const string Shipment = "shipment";
    public const string Customs = "customs";
    public const string Repair = "repair";
    public const string Opened = "OPENED";
    public const string Cancelled = "CANCELLED";

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ByKind = new Dictionary<string, IReadOnlySet<string>>
    {
        [Shipment] = new HashSet<string>
        {
            "LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "ARRIVED_AT_HUB", "OUT_FOR_DELIVERY", "DELIVERY_ATTEMPTED",
            "AVAILABLE_FOR_PICKUP", "DELAYED", "EXCEPTION", "DELIVERED", "RETURNED", Cancelled,
        },
        [Customs] = new HashSet<string> { "ENTRY_FILED", "DOCUMENTS_REQUESTED", "HELD", "RELEASED", "REJECTED" },
        [Repair] = new HashSet<string>
        {
            Opened, "PART_REQUESTED", "PART_ALLOCATED", "TECHNICIAN_DISPATCHED", "TECHNICIAN_ONSITE",
            "CUSTOMER_HOLD_STARTED", "CUSTOMER_HOLD_ENDED", "RESOLVED", "CLOSED", Cancelled,
        },
    };

    public static readonly IReadOnlyList<string> ReasonPrefixes = ["CARRIER_", "CUSTOMER_", "CUSTOMS_", "WEATHER_", "OTHER_"];
}
