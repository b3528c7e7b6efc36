using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Definitions;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// An event of a carrier not granted the promise's customer is never applied: left out of the fold, marked refused
/// once (a refused event is not loaded again, so it stays refused; the carrier resends it after it is granted), and
/// listed in that carrier's delivery log. The webhook refuses such an OPENED itself; other events name no customer,
/// so they are refused here, once their promise is known.
/// </summary>
public static class UngrantedEvents
{
    /// <summary>The grants of the carriers that sent these events; a carrier no longer configured grants nothing.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<string>>> GrantsAsync(SlaDbContext db, IEnumerable<StoredEvent> events, CancellationToken ct)
    {
        var codes = events.Select(e => e.CarrierCode).Distinct(StringComparer.Ordinal).ToList();
        var carriers = await db.Carriers.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(ct);
        return carriers.ToDictionary(c => c.Code, CarrierGrants.Of, StringComparer.Ordinal);
    }

    /// <summary>Splits each opened ticket's events into those applied (kept in the dictionary) and those refused (returned).</summary>
    public static List<(StoredEvent Event, string Customer)> Separate(Dictionary<string, List<StoredEvent>> eventsByTicket, Dictionary<string, IReadOnlyList<string>> grants)
    {
        ArgumentNullException.ThrowIfNull(eventsByTicket);
        var refused = new List<(StoredEvent, string)>();
        foreach (var (ticket, events) in eventsByTicket.ToList())
        {
            if (PromiseFolding.Opened(events)?.OpenedCustomer is not { } customer)
            {
                continue;
            }

            var applied = events.Where(e => grants.TryGetValue(e.CarrierCode, out var granted) && CarrierGrants.Allows(granted, customer)).ToList();
            if (applied.Count < events.Count)
            {
                refused.AddRange(events.Where(e => !applied.Contains(e)).Select(e => (e, customer)));
                eventsByTicket[ticket] = applied;
            }
        }

        return refused;
    }

    /// <summary>Marks the refused events and, for those not marked before, adds a delivery log entry per carrier.</summary>
    public static async Task MarkAsync(SlaDbContext db, List<(StoredEvent Event, string Customer)> refused, Instant now, CancellationToken ct)
    {
        foreach (var group in refused.GroupBy(r => (r.Event.CarrierCode, r.Customer)))
        {
            var reason = CarrierGrants.Refusal(group.Key.CarrierCode, group.Key.Customer);
            var ids = group.Select(r => r.Event.Id).ToList();
            if (await db.Events.Where(e => ids.Contains(e.Id) && e.RefusedReason == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.RefusedReason, reason), ct) == 0)
            {
                continue;
            }

            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                CarrierCode = group.Key.CarrierCode,
                ReceivedAt = now.ToDateTimeUtc(),
                StatusCode = StatusCodes.Status403Forbidden,
                Problem = $"Refused when applied: {reason}.",
                DetailsJson = JsonSerializer.Serialize(new { refused = group.Select(r => new { eventId = r.Event.EventId, ticketRef = r.Event.TicketRef, reason }) }),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
