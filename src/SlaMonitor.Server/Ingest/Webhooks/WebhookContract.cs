using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Ingest.Webhooks.Formats;

namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>
/// The webhook's contract in the OpenAPI document: the signature headers with their algorithms, the three bodies
/// (one canonical event, a batch, EasyPost's tracker event) and the 202 with per-event results, each with an example
/// as the tests send it. The endpoint reads its raw body itself (the signature covers the exact bytes), so none of
/// this can be inferred.
/// </summary>
public static class WebhookContract
{
    public static readonly string Description = """
        Sign the exact bytes you send. For a carrier whose format is `canonical`:
        `SlaMonitor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; the timestamp must lie within
        5 minutes of the server's clock. While a secret rotates, send one `v1=` per secret. For a carrier whose format is
        `easypost`: `X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256(secret, raw body)>`, as EasyPost signs.
        An unknown carrier and a bad signature get the same 401. The 202 comes once every accepted event is durably queued;
        a repeated eventId is answered `duplicate` and never applied twice; with any invalid event the whole request is
        refused (422) and nothing from it is applied.
        """.ReplaceLineEndings(" ");

    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Description = Description;
        operation.Parameters ??= [];
        operation.Parameters.Add(Header(WebhookSignature.Header, "Canonical carriers: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>`, one v1 per secret while it rotates.", "t=1795424400,v1=5f0c0d1e6a1c4d0f0e5d2b9f8e7c6a5b4c3d2e1f00112233445566778899aabb"));
        operation.Parameters.Add(Header(EasyPostFormat.SignatureHeader, "EasyPost carriers: `hmac-sha256-hex=<hex HMAC-SHA256(secret, raw body)>`.", "hmac-sha256-hex=0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"));
        var single = await SchemaComponents.ReferenceAsync(typeof(EventBody), context, ct);
        var batch = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "events" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["events"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = single, MinItems = 1, MaxItems = 1000 },
            },
        };
        context.Document!.AddComponent("EventBatchBody", batch);
        IOpenApiSchema[] bodies = [single, new OpenApiSchemaReference("EventBatchBody", context.Document), await SchemaComponents.ReferenceAsync(typeof(EasyPostBody), context, ct)];

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One canonical event, `{ \"events\": [...] }` with up to 1,000, or (format easypost) EasyPost's tracker.updated event.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { OneOf = bodies },
                    Examples = new Dictionary<string, IOpenApiExample>
                    {
                        ["opened"] = Example("A repair ticket opens a promise", Opened),
                        ["batch"] = Example("Two events in one request", new JsonObject { ["events"] = new JsonArray(Opened.DeepClone(), PickedUp.DeepClone()) }),
                        ["easypost"] = Example("EasyPost's tracker.updated (format easypost)", EasyPost),
                    },
                },
            },
        };
        foreach (var (status, meaning) in Answers)
        {
            if (operation.Responses?.TryGetValue(status, out var answer) == true && answer is OpenApiResponse response)
            {
                response.Description = meaning;
            }
        }

        if (operation.Responses?.TryGetValue("202", out var accepted) == true && accepted is OpenApiResponse { Content: { } content })
        {
            foreach (var media in content.Values)
            {
                media.Example = AcceptedAnswer;
            }
        }
    }

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["202"] = "Every accepted event is durably queued; per-event results (accepted, duplicate, refused with the reason) in request order.",
        ["401"] = "Unknown carrier or bad signature (one answer for both): check the secret, the clock (5 minutes) and that the exact bytes sent were signed.",
        ["413"] = "The body is over the size limit, or holds more than 1,000 events.",
        ["429"] = "Over the carrier's rate, or too many failed signatures from this address; retry after the Retry-After seconds.",
    };

    /// <summary>The canonical event's rules (PRODUCT.md), which the body type leaves nullable so validation can name what is missing.</summary>
    public static Task DescribeEventAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type == typeof(EventBody) && schema.Properties is { } properties)
        {
            schema.Required = new HashSet<string> { "eventId", "kind", "code", "occurredAt" };
            Describe(properties, "eventId", "Your unique id of the event: with the carrier code, the deduplication key.", maxLength: 128);
            Describe(properties, "kind", "shipment, customs or repair.", maxLength: 128);
            Describe(properties, "code", "The milestone, e.g. PICKED_UP, HELD, OPENED (PRODUCT.md lists them per kind).", maxLength: 128);
            Describe(properties, "occurredAt", "ISO 8601 with an offset, at most 15 minutes in the future of the server's clock.");
            Describe(properties, "ticketRef", "The repair ticket the event belongs to.", maxLength: 128);
            Describe(properties, "shipmentRef", "The shipment's tracking reference.", maxLength: 128);
            Describe(properties, "opened", "Required with OPENED: customer, site and service level of the new promise.");
            Describe(properties, "reason", "Optional blame: CARRIER_*, CUSTOMER_*, CUSTOMS_*, WEATHER_* or OTHER_*.", maxLength: 128);
            Describe(properties, "note", "Free text.", maxLength: 2000);
        }

        return Task.CompletedTask;
    }

    private static void Describe(IDictionary<string, IOpenApiSchema> properties, string name, string description, int? maxLength = null)
    {
        if (properties.TryGetValue(name, out var property) && property is OpenApiSchema schema)
        {
            schema.Description = description;
            schema.MaxLength = maxLength ?? schema.MaxLength;
        }
    }

    private static OpenApiParameter Header(string name, string description, string example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = JsonValue.Create(example),
    };

    private static OpenApiExample Example(string summary, JsonNode value) => new() { Summary = summary, Value = value };

    private static readonly JsonObject Opened = new()
    {
        ["eventId"] = "TCK-1001-OPENED-1795424400",
        ["kind"] = "repair",
        ["code"] = "OPENED",
        ["occurredAt"] = "2026-11-23T10:00:00+01:00",
        ["ticketRef"] = "TCK-1001",
        ["location"] = new JsonObject { ["code"] = "DE-FRA", ["countryCode"] = "DE" },
        ["opened"] = new JsonObject { ["customer"] = "ACME", ["site"] = "ACME-FRA-DC2", ["serviceLevel"] = "4H-ONSITE" },
    };

    private static readonly JsonObject PickedUp = new()
    {
        ["eventId"] = "TCK-1001-PICKED_UP-1795426200",
        ["kind"] = "shipment",
        ["code"] = "PICKED_UP",
        ["occurredAt"] = "2026-11-23T10:30:00+01:00",
        ["ticketRef"] = "TCK-1001",
        ["shipmentRef"] = "1Z999AA10123456784",
        ["estimatedArrival"] = "2026-11-23T13:00:00+01:00",
    };

    private static readonly JsonObject EasyPost = new()
    {
        ["description"] = "tracker.updated",
        ["result"] = new JsonObject
        {
            ["tracking_code"] = "EZ4000000004",
            ["est_delivery_date"] = "2026-11-24T17:00:00Z",
            ["tracking_details"] = new JsonArray(new JsonObject
            {
                ["status"] = "in_transit",
                ["status_detail"] = "arrived_at_facility",
                ["datetime"] = "2026-11-23T09:30:00Z",
                ["message"] = "Arrived at facility",
                ["tracking_location"] = new JsonObject { ["city"] = "Frankfurt", ["zip"] = "60549", ["country"] = "DE" },
            }),
        },
    };

    private static readonly JsonObject AcceptedAnswer = new()
    {
        ["accepted"] = 1,
        ["duplicates"] = 1,
        ["results"] = new JsonArray(
            new JsonObject { ["eventId"] = "TCK-1001-OPENED-1795424400", ["result"] = "duplicate" },
            new JsonObject { ["eventId"] = "TCK-1001-PICKED_UP-1795426200", ["result"] = "accepted" }),
    };
}
