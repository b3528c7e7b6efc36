using NodaTime;
using NodaTime.Text;
using SlaMonitor.Contracts;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Webhooks;

public static class EventValidation
{
    private const int RefLength = SlaDbContext.RefLength;

    /// <summary>Validates one posted event; errors are named "&lt;prefix&gt;field".</summary>
    public static CarrierEvent? Validate(EventBody body, string prefix, Instant now, Duration maxFutureSkew, ValidationErrors errors)
    {
        var before = errors.Count;
        var eventId = errors.Required(prefix + "eventId", body.EventId, RefLength);
        var kind = errors.Required(prefix + "kind", body.Kind, RefLength);
        var code = errors.Required(prefix + "code", body.Code, RefLength);
        if (kind is not null && !EventCodes.ByKind.ContainsKey(kind))
        {
            errors.Add(prefix + "kind", "must be shipment, customs or repair.");
        }
        else if (kind is not null && code is not null && !EventCodes.ByKind[kind].Contains(code))
        {
            errors.Add(prefix + "code", $"'{code}' is not a {kind} code.");
        }

        var occurredAt = Timestamp(prefix + "occurredAt", body.OccurredAt, required: true, errors);
        if (occurredAt is { } occurred && occurred.ToInstant() > now + maxFutureSkew)
        {
            errors.Add(prefix + "occurredAt", $"lies more than {maxFutureSkew.TotalMinutes:0} minutes in the future.");
        }

        var estimatedArrival = Timestamp(prefix + "estimatedArrival", body.EstimatedArrival, required: false, errors);
        errors.MaxLength(prefix + "ticketRef", body.TicketRef, RefLength);
        errors.MaxLength(prefix + "shipmentRef", body.ShipmentRef, RefLength);
        errors.MaxLength(prefix + "location.code", body.Location?.Code, RefLength);
        errors.MaxLength(prefix + "location.countryCode", body.Location?.CountryCode, 2);
        errors.MaxLength(prefix + "reason", body.Reason, RefLength);
        errors.MaxLength(prefix + "note", body.Note, 2000, lineBreaksAllowed: true);
        if (string.IsNullOrEmpty(body.TicketRef) && string.IsNullOrEmpty(body.ShipmentRef))
        {
            errors.Add(prefix + "ticketRef", "ticketRef or shipmentRef is required.");
        }
        else if (kind == EventCodes.Repair && string.IsNullOrEmpty(body.TicketRef))
        {
            errors.Add(prefix + "ticketRef", "is required for repair events.");
        }

        if (body.Reason is { } reason && !EventCodes.ReasonPrefixes.Any(p => reason.StartsWith(p, StringComparison.Ordinal)))
        {
            errors.Add(prefix + "reason", $"must start with one of {string.Join(", ", EventCodes.ReasonPrefixes)}.");
        }

        var opened = ValidateOpened(body, prefix, occurredAt, errors);
        if (errors.Count > before)
        {
            return null;
        }

        return new CarrierEvent
        {
            EventId = eventId!,
            Kind = kind!,
            Code = code!,
            OccurredAt = occurredAt!.Value.ToDateTimeOffset(),
            TicketRef = NullIfEmpty(body.TicketRef),
            ShipmentRef = NullIfEmpty(body.ShipmentRef),
            Location = body.Location is null ? null : new EventLocation { Code = body.Location.Code, CountryCode = body.Location.CountryCode },
            EstimatedArrival = estimatedArrival?.ToDateTimeOffset(),
            Opened = opened,
            Reason = body.Reason,
            Note = body.Note,
        };
    }

    private static PromiseOpening? ValidateOpened(EventBody body, string prefix, OffsetDateTime? occurredAt, ValidationErrors errors)
    {
        if (body.Code != EventCodes.Opened || body.Kind != EventCodes.Repair)
        {
            return null;
        }

        if (body.Opened is null)
        {
            errors.Add(prefix + "opened", "is required for an OPENED event: { customer, site, serviceLevel }.");
            return null;
        }

        var customer = errors.Required(prefix + "opened.customer", body.Opened.Customer, 64);
        var site = errors.Required(prefix + "opened.site", body.Opened.Site, 64);
        var serviceLevel = errors.Required(prefix + "opened.serviceLevel", body.Opened.ServiceLevel, 64);
        var promisedBy = Timestamp(prefix + "opened.promisedBy", body.Opened.PromisedBy, required: false, errors);
        if (promisedBy is { } promised && occurredAt is { } opening && promised.ToInstant() <= opening.ToInstant())
        {
            errors.Add(prefix + "opened.promisedBy", "must lie after occurredAt (the opening).");
            return null;
        }

        return customer is null || site is null || serviceLevel is null
            ? null
            : new PromiseOpening { Customer = customer, Site = site, ServiceLevel = serviceLevel, PromisedBy = promisedBy?.ToDateTimeOffset() };
    }

    private static OffsetDateTime? Timestamp(string field, string? text, bool required, ValidationErrors errors)
    {
        if (text is null)
        {
            if (required)
            {
                errors.Add(field, "is required.");
            }

            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            errors.Add(field, $"'{text}' is not an ISO 8601 timestamp with an offset (e.g. 2026-11-22T10:15:00+01:00).");
            return null;
        }

        return errors.Plausible(field, parsed.Value.Year) ? parsed.Value : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
