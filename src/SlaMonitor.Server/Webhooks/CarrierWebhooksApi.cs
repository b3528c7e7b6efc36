using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Api;
using SlaMonitor.Server.Ingest;

namespace SlaMonitor.Server.Webhooks;

public static class CarrierWebhooksApi
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";

    public sealed record EventResult(string EventId, string Result);

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
        string carrierCode, HttpRequest request, SlaDbContext db, IClock clock, IOptions<WebhookOptions> options,
        EventPublisher publisher, CancellationToken ct)
    {
        var limits = options.Value;
        var carrier = await db.Carriers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == carrierCode, ct);
        if (carrier is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown carrier", $"No carrier '{carrierCode}' is configured.");
        }

        var body = await RequestBody.ReadLimited(request, limits.MaxBodyBytes, ct);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body may be at most {limits.MaxBodyBytes} bytes.");
        }

        var now = clock.GetCurrentInstant();
        if (!WebhookSignature.Verify(request.Headers[WebhookSignature.Header], carrier.PreviousSecret is null ? [carrier.Secret] : [carrier.Secret, carrier.PreviousSecret], body, now, Duration.FromTimeSpan(limits.SignatureTolerance)))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Bad signature",
                $"{WebhookSignature.Header} is missing, malformed, older than {limits.SignatureTolerance.TotalMinutes:0} minutes, or does not match the body.");
        }

        List<JsonElement> elements;
        try
        {
            elements = RequestBody.EventElements(body);
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
        var events = Validate(elements, now, Duration.FromTimeSpan(limits.MaxFutureSkew), errors);
        if (!errors.Any)
        {
            await ReferencedConfiguration.Check(db, events, elements.Count > 1, errors, ct);
        }

        if (errors.Any)
        {
            return errors.ToProblem("One or more events are invalid; nothing from this request was applied.");
        }

        var results = await Deduplicate(db, carrierCode, events, ct);
        var fresh = events.Where((_, i) => results[i].Result == Accepted).ToList();
        await publisher.Send(carrierCode, fresh, now.ToDateTimeOffset());
        return TypedResults.Accepted((string?)null, new WebhookResponse(fresh.Count, events.Count - fresh.Count, results));
    }

    private static List<CarrierEvent> Validate(List<JsonElement> elements, Instant now, Duration maxFutureSkew, ValidationErrors errors)
    {
        if (elements.Count == 0)
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
                errors.Add(prefix + (e.Path?.TrimStart('$', '.') ?? ""), "has the wrong JSON type.");
            }
        }

        return events;
    }

    private static async Task<List<EventResult>> Deduplicate(SlaDbContext db, string carrierCode, List<CarrierEvent> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.EventId).Distinct().ToList();
        var stored = await db.Events.AsNoTracking()
            .Where(e => e.CarrierCode == carrierCode && ids.Contains(e.EventId))
            .Select(e => e.EventId)
            .ToListAsync(ct);
        var seen = new HashSet<string>(stored, StringComparer.Ordinal);
        return events.Select(e => new EventResult(e.EventId, seen.Add(e.EventId) ? Accepted : Duplicate)).ToList();
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
