using System.Text.Json.Serialization;

namespace SlaMonitor.Server.Ingest.Webhooks.Formats;

/// <summary>
/// The part of EasyPost's tracker webhook that <see cref="EasyPostFormat"/> reads, for the OpenAPI document; EasyPost's
/// other fields are allowed and ignored.
/// </summary>
public sealed record EasyPostBody(
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("result")] EasyPostTracker Result);

public sealed record EasyPostTracker(
    [property: JsonPropertyName("tracking_code")] string TrackingCode,
    [property: JsonPropertyName("est_delivery_date")] string? EstDeliveryDate,
    [property: JsonPropertyName("tracking_details")] IReadOnlyList<EasyPostTrackingDetail>? TrackingDetails);

public sealed record EasyPostTrackingDetail(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_detail")] string? StatusDetail,
    [property: JsonPropertyName("datetime")] string Datetime,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("tracking_location")] EasyPostLocation? TrackingLocation);

public sealed record EasyPostLocation(
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("zip")] string? Zip,
    [property: JsonPropertyName("country")] string? Country);
