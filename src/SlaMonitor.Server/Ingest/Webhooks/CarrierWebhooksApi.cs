using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Ingest.Deliveries;
using SlaMonitor.Server.Ingest.Webhooks.Formats;

namespace SlaMonitor.Server.Ingest.Webhooks;

public static class CarrierWebhooksApi
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Refused = "refused";

    /// <summary>accepted, duplicate, or refused with the reason (the carrier is not granted the promise's customer).</summary>
    public sealed record EventResult(string EventId, string Result, string? Reason = null);

    public sealed record WebhookResponse(int Accepted, int Duplicates, IReadOnlyList<EventResult> Results);

    public static RouteGroupBuilder MapCarrierWebhooks(this RouteGroupBuilder api)
    {
        api.MapPost("/carriers/{carrierCode}/events", Receive)
            .WithTags("Carrier webhooks")
            .WithSummary("Post one canonical event, or { \"events\": [...] } with up to 1,000, signed with SlaMonitor-Signature.")
            .Accepts<EventBody>("application/json")
            .AllowAnonymous()
            .RequireRateLimiting(CarrierRateLimiting.Policy);
        return api;
    }

    private static async Task<Results<Accepted<WebhookResponse>, ProblemHttpResult>> Receive(
        string carrierCode, HttpRequest request, [AsParameters] Ingesting ingesting, CancellationToken ct)
    {
        var (carrier, cached) = await ingesting.Carriers.FindAsync(carrierCode, ct);
        if (carrier is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown carrier", $"No carrier '{carrierCode}' is configured.");
        }

        var receivedAt = ingesting.Clock.GetCurrentInstant();
        var result = await Handle(carrier, cached, request, ingesting, ct);
        ingesting.Log.Record(DeliveryRecord.Of(carrierCode, receivedAt, result.Result));
        return result;
    }

    private static async Task<Results<Accepted<WebhookResponse>, ProblemHttpResult>> Handle(
        Carrier carrier, bool cached, HttpRequest request, Ingesting ingesting, CancellationToken ct)
    {
        var carrierCode = carrier.Code;
        var limits = ingesting.Limits.Value;

        using var body = await RequestBody.ReadLimited(request, limits.MaxBodyBytes, ct);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body may be at most {limits.MaxBodyBytes} bytes.");
        }

        var now = ingesting.Clock.GetCurrentInstant();
        var format = CarrierFormats.ByName[carrier.Format];
        // A cached carrier may predate a secret rotated through another API process: check once more against a fresh read.
        if (!IsSigned(carrier, format, request, body.Bytes.Span, now, limits)
            && (!cached || await ingesting.Carriers.ReloadAsync(carrierCode, ct) is not { } reloaded || !IsSigned(reloaded, format, request, body.Bytes.Span, now, limits)))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Bad signature", format.SignatureRule(limits));
        }

        List<JsonElement> elements;
        try
        {
            elements = format.CanonicalEvents(body.Bytes);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", e.Message);
        }

        if (elements.Count > limits.MaxEventsPerRequest)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Too many events", $"A request may carry at most {limits.MaxEventsPerRequest} events.");
        }

        var errors = new ValidationErrors();
        var events = Validate(elements, format is CanonicalFormat, now, Duration.FromTimeSpan(limits.MaxFutureSkew), errors);
        if (!errors.Any)
        {
            await ingesting.Configuration.Check(ingesting.Db, events, elements.Count > 1, errors, ct);
        }

        if (errors.Any)
        {
            return errors.ToProblem("One or more events are invalid; nothing from this request was applied.");
        }

        var stored = await ingesting.StoredEventIds.AmongAsync(carrierCode, events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal));
        var seen = new HashSet<string>(stored, StringComparer.Ordinal);
        // An OPENED names its customer, so an ungranted one is refused here; any other event when it is applied.
        var grants = CarrierGrants.Of(carrier);
        var results = events.Select(e => e.Opened is { } opened && !CarrierGrants.Allows(grants, opened.Customer)
                ? new EventResult(e.EventId, Refused, CarrierGrants.Refusal(carrierCode, opened.Customer))
                : new EventResult(e.EventId, seen.Add(e.EventId) ? Accepted : Duplicate))
            .ToList();
        var fresh = events.Where((_, i) => results[i].Result == Accepted).ToList();
        await ingesting.Publisher.Send(carrierCode, fresh, now.ToDateTimeOffset());
        return TypedResults.Accepted((string?)null, new WebhookResponse(fresh.Count, results.Count(r => r.Result == Duplicate), results));
    }

    private static List<CarrierEvent> Validate(List<JsonElement> elements, bool requireEvents, Instant now, Duration maxFutureSkew, ValidationErrors errors)
    {
        if (elements.Count == 0 && requireEvents)
        {
            errors.Add("events", "must hold at least one event.");
        }

        var events = new List<CarrierEvent>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var prefix = elements.Count == 1 ? "" : $"events[{i}].";
            try
            {
                var body = elements[i].Deserialize<EventBody>(AdminJson.Options);
                if (body is null)
                {
                    errors.Add(prefix.TrimEnd('.') is { Length: > 0 } field ? field : "body", "must be an event object.");
                }
                else if (EventValidation.Validate(body, prefix, now, maxFutureSkew, errors) is { } valid)
                {
                    events.Add(valid);
                }
            }
            catch (JsonException e)
            {
                var field = prefix + (e.Path?.TrimStart('$', '.') ?? "");
                errors.Add(field.TrimEnd('.') is { Length: > 0 } named ? named : "body", e.Message.Contains("control characters", StringComparison.Ordinal) ? SafeText.Refusal : "has the wrong JSON type.");
            }
        }

        return events;
    }

    private static bool IsSigned(Carrier carrier, ICarrierFormat format, HttpRequest request, ReadOnlySpan<byte> body, Instant now, WebhookOptions limits)
    {
        string[] secrets = carrier.PreviousSecret is null ? [carrier.Secret] : [carrier.Secret, carrier.PreviousSecret];
        return format.IsSigned(request.Headers, body, secrets, now, limits);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
