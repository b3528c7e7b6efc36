using System.Globalization;
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
            .AllowAnonymous();
        return api;
    }

    /// <summary>
    /// Signature first, then rate: an unknown carrier and a bad signature get the same 401 (the answer tells nobody which
    /// codes exist) and count against the client address only; the carrier's rate and its delivery log see only requests
    /// its secret signed.
    /// </summary>
    private static async Task<Results<Accepted<WebhookResponse>, ProblemHttpResult>> Receive(
        string carrierCode, HttpRequest request, [AsParameters] Ingesting ingesting, CancellationToken ct)
    {
        var limits = ingesting.Limits.Value;
        var receivedAt = ingesting.Clock.GetCurrentInstant();
        if (await ingesting.Carriers.FindAsync(carrierCode, ct) is not { } known)
        {
            return Unauthenticated(request.HttpContext, ingesting.Failures, limits);
        }

        using var body = await RequestBody.ReadLimited(request, limits.MaxBodyBytes, ct);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body may be at most {limits.MaxBodyBytes} bytes.");
        }

        var now = ingesting.Clock.GetCurrentInstant();
        if (await SignerAsync(known, request, body, now, ingesting, ct) is not { } carrier)
        {
            return Unauthenticated(request.HttpContext, ingesting.Failures, limits);
        }

        if (ingesting.Rates.Take(carrier) is { } wait)
        {
            return OverRate(request.HttpContext, wait);
        }

        var result = await Handle(carrier, request, body, now, ingesting, ct);
        ingesting.Log.Record(DeliveryRecord.Of(carrierCode, receivedAt, result.Result));
        return result;
    }

    /// <summary>The carrier whose secret signed the body, or null.</summary>
    private static async Task<Carrier?> SignerAsync(Carrier carrier, HttpRequest request, PooledBody body, Instant now, Ingesting ingesting, CancellationToken ct)
    {
        var limits = ingesting.Limits.Value;
        if (IsSigned(carrier, request, body.Bytes.Span, now, limits))
        {
            return carrier;
        }

        // The secret may have been rotated through another API process: check once more against a fresh read.
        return await ingesting.Carriers.RereadAsync(carrier, ct) is { } reread && IsSigned(reread, request, body.Bytes.Span, now, limits) ? reread : null;
    }

    private static async Task<Results<Accepted<WebhookResponse>, ProblemHttpResult>> Handle(
        Carrier carrier, HttpRequest request, PooledBody body, Instant now, Ingesting ingesting, CancellationToken ct)
    {
        var carrierCode = carrier.Code;
        var limits = ingesting.Limits.Value;
        var format = CarrierFormats.ByName[carrier.Format];
        EventElements parsed;
        try
        {
            parsed = format.CanonicalEvents(body.Bytes);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", e.Message);
        }

        List<CarrierEvent> events;
        var errors = new ValidationErrors();
        using (parsed)
        {
            var elements = parsed.Elements;
            if (elements.Count > limits.MaxEventsPerRequest)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "Too many events", $"A request may carry at most {limits.MaxEventsPerRequest} events.");
            }

            events = Validate(elements, format is CanonicalFormat, now, Duration.FromTimeSpan(limits.MaxFutureSkew), errors);
        }

        if (!errors.Any)
        {
            await ingesting.Configuration.Check(ingesting.Db, events, events.Count > 1, errors, ct);
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
                var (field, message) = JsonErrors.Describe(e, prefix);
                errors.Add(field, message);
            }
        }

        return events;
    }

    private static bool IsSigned(Carrier carrier, HttpRequest request, ReadOnlySpan<byte> body, Instant now, WebhookOptions limits)
    {
        string[] secrets = carrier.PreviousSecret is null ? [carrier.Secret] : [carrier.Secret, carrier.PreviousSecret];
        return CarrierFormats.ByName[carrier.Format].IsSigned(request.Headers, body, secrets, now, limits);
    }

    /// <summary>One answer for an unknown carrier and a bad signature; 429 once the client address has failed too often.</summary>
    private static ProblemHttpResult Unauthenticated(HttpContext context, FailedAuthentications failures, WebhookOptions limits)
    {
        if (failures.Fail(context) is { } wait)
        {
            return FailedAuthentications.TooMany(context, wait);
        }

        var rules = string.Join(" ", CarrierFormats.ByName.Values.Select(f => f.SignatureRule(limits)));
        return Problem(StatusCodes.Status401Unauthorized, "Bad signature", $"No configured carrier signed this request. {rules}");
    }

    private static ProblemHttpResult OverRate(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, "Too many requests", $"This carrier's webhook rate is exceeded; retry after {seconds} s.");
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
