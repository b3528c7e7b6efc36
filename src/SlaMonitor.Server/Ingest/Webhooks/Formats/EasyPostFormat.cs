using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Ingest.Webhooks;

namespace SlaMonitor.Server.Ingest.Webhooks.Formats;

/// <summary>
/// EasyPost's <c>tracker.updated</c> / <c>tracker.created</c> webhook, posted unchanged. Signed as EasyPost signs:
/// <c>X-Hmac-Signature: hmac-sha256-hex=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c>. Every tracking detail
/// becomes a shipment event whose id is derived from tracking code, time and status, so the full history
/// EasyPost re-sends with each update is recognised as duplicates.
/// </summary>
public sealed class EasyPostFormat : ICarrierFormat
{
    public const string SignatureHeader = "X-Hmac-Signature";
    private const string SignaturePrefix = "hmac-sha256-hex=";

    public string Name => CarrierFormatNames.EasyPost;

    public string SignatureRule(WebhookOptions options) =>
        $"{SignatureHeader} is missing, malformed, or is not {SignaturePrefix}<hex HMAC-SHA256 of the raw body>.";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        SignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Normalize(NormalizationForm.FormKD)), body));

    public bool IsSigned(IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, Instant now, WebhookOptions options)
    {
        var header = headers[SignatureHeader].ToString();
        if (!header.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header[SignaturePrefix.Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        foreach (var secret in secrets)
        {
            if (CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Sign(secret, body)[SignaturePrefix.Length..]), given))
            {
                return true;
            }
        }

        return false;
    }

    public EventElements CanonicalEvents(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("description", out var d) ? d.GetString() : null;
        if (description is not ("tracker.updated" or "tracker.created"))
        {
            throw new JsonException($"Expected an EasyPost tracker.updated or tracker.created event, not '{description}'.");
        }

        var tracker = root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
            ? result
            : throw new JsonException("result: the tracker object is required.");
        var trackingCode = Text(tracker, "tracking_code") ?? throw new JsonException("result.tracking_code is required (a string).");
        var estimated = Text(tracker, "est_delivery_date");
        var details = tracker.TryGetProperty("tracking_details", out var list) ? list : default;
        if (details.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Array))
        {
            throw new JsonException("result.tracking_details must be an array.");
        }

        var events = new List<JsonElement>();
        foreach (var detail in details.ValueKind == JsonValueKind.Array ? details.EnumerateArray() : default)
        {
            if (detail.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("result.tracking_details[] must be objects.");
            }

            if (Canonical(trackingCode, detail, estimated) is { } canonical)
            {
                events.Add(JsonSerializer.SerializeToElement(canonical));
            }
        }

        return new EventElements(events, null);
    }

    private static JsonObject? Canonical(string trackingCode, JsonElement detail, string? estimated)
    {
        var status = Text(detail, "status") ?? "unknown";
        var statusDetail = Text(detail, "status_detail");
        if (EasyPostStatusMap.Map(status, statusDetail) is not { } mapped)
        {
            return null;
        }

        var datetime = Text(detail, "datetime") ?? throw new JsonException("tracking_details[].datetime is required.");
        var location = detail.TryGetProperty("tracking_location", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        var canonical = new JsonObject
        {
            ["eventId"] = string.Create(CultureInfo.InvariantCulture, $"ep:{trackingCode}:{datetime}:{status}:{statusDetail}"),
            ["kind"] = EventCodes.Shipment,
            ["code"] = mapped.Code,
            ["occurredAt"] = datetime,
            ["shipmentRef"] = trackingCode,
            ["estimatedArrival"] = estimated,
            ["reason"] = mapped.Reason,
            ["note"] = Text(detail, "message"),
        };
        if (location.ValueKind == JsonValueKind.Object && (Text(location, "city") ?? Text(location, "zip")) is { } place)
        {
            canonical["location"] = new JsonObject { ["code"] = place, ["countryCode"] = Text(location, "country") };
        }

        return canonical;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
