namespace SlaMonitor.Server.Ingest.Webhooks.Formats;

/// <summary>EasyPost <c>status</c> / <c>status_detail</c> onto canonical shipment codes (table in README).</summary>
public static class EasyPostStatusMap
{
    public sealed record Mapped(string Code, string? Reason);

    /// <summary>Null for statuses with no canonical meaning (<c>unknown</c>), which are skipped.</summary>
    public static Mapped? Map(string status, string? statusDetail) => (status, statusDetail) switch
    {
        ("pre_transit", _) => new("LABEL_CREATED", null),
        ("in_transit", "received_at_origin_facility" or "departed_origin_facility") => new("PICKED_UP", null),
        ("in_transit", "arrived_at_facility" or "received_at_destination_facility" or "arrived_at_destination") => new("ARRIVED_AT_HUB", null),
        ("in_transit", "weather_delay") => new("DELAYED", "WEATHER_DELAY"),
        ("in_transit", "delayed") => new("DELAYED", "CARRIER_DELAYED"),
        ("in_transit", _) => new("IN_TRANSIT", null),
        ("out_for_delivery", _) => new("OUT_FOR_DELIVERY", null),
        ("delivered", _) => new("DELIVERED", null),
        ("available_for_pickup", _) => new("AVAILABLE_FOR_PICKUP", null),
        ("return_to_sender", _) => new("RETURNED", null),
        ("failure", "attempted_delivery") => new("DELIVERY_ATTEMPTED", "CARRIER_ATTEMPTED_DELIVERY"),
        ("failure" or "error", _) => new("EXCEPTION", "CARRIER_" + (statusDetail ?? status).ToUpperInvariant()),
        ("cancelled", _) => new("CANCELLED", null),
        _ => null,
    };
}
