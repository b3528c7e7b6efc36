using System.Text.Json.Nodes;

namespace SlaMonitor.LoadGen;

/// <summary>
/// An endless stream of canonical events: each ticket opens, its part ships (stage durations from
/// Olist, one day scaled to one minute, all in the past) and the technician arrives. Resends and
/// out-of-order delivery are mixed in: events are shuffled within a window of 32.
/// </summary>
internal sealed class Journeys(List<(TimeSpan Pickup, TimeSpan Transit)> stages, double duplicateShare, string runId)
{
    public const string Customer = "LOADGEN";
    public const string Site = "LOADGEN-FRA";
    public const string ServiceLevel = "LOADGEN-4H";
    private const double MinutesPerDay = 1;

    private readonly Random _random = new(42);
    private readonly List<JsonObject> _window = [];
    private readonly List<JsonObject> _sent = [];
    private int _tickets;

    public string TicketPrefix => $"LG{runId}-";

    public List<JsonObject> Next(int count)
    {
        var events = new List<JsonObject>(count);
        lock (_random)
        {
            while (events.Count < count)
            {
                if (_window.Count < 32)
                {
                    _window.AddRange(Ticket());
                }

                JsonObject next;
                if (_sent.Count > 0 && _random.NextDouble() < duplicateShare)
                {
                    next = _sent[_random.Next(_sent.Count)];
                }
                else
                {
                    var i = _random.Next(Math.Min(_window.Count, 32));
                    next = _window[i];
                    _window.RemoveAt(i);
                    if (_sent.Count < 10_000)
                    {
                        _sent.Add(next);
                    }
                    else
                    {
                        _sent[_random.Next(_sent.Count)] = next;
                    }
                }

                events.Add(next);
            }
        }

        return events;
    }

    private List<JsonObject> Ticket()
    {
        var ticket = $"{TicketPrefix}{_tickets++}";
        var (pickup, transit) = stages[_random.Next(stages.Count)];
        var pickupAfter = TimeSpan.FromMinutes(pickup.TotalDays * MinutesPerDay);
        var transitFor = TimeSpan.FromMinutes(transit.TotalDays * MinutesPerDay);
        var openedAt = DateTimeOffset.UtcNow - pickupAfter - transitFor - TimeSpan.FromMinutes(_random.Next(1, 60));
        var shipment = $"S-{ticket}";
        var events = new List<JsonObject>
        {
            Event(ticket, "repair", "OPENED", openedAt, null, new JsonObject { ["customer"] = Customer, ["site"] = Site, ["serviceLevel"] = ServiceLevel }),
            Event(ticket, "shipment", "LABEL_CREATED", openedAt + TimeSpan.FromMinutes(1), shipment),
            Event(ticket, "shipment", "PICKED_UP", openedAt + pickupAfter, shipment),
            Event(ticket, "shipment", "IN_TRANSIT", openedAt + pickupAfter + (transitFor / 3), shipment),
            Event(ticket, "shipment", "OUT_FOR_DELIVERY", openedAt + pickupAfter + (transitFor * 0.9), shipment),
            Event(ticket, "shipment", "DELIVERED", openedAt + pickupAfter + transitFor, shipment),
        };
        if (_random.NextDouble() < 0.7)
        {
            events.Add(Event(ticket, "repair", "TECHNICIAN_ONSITE", openedAt + pickupAfter + transitFor + TimeSpan.FromSeconds(30), null));
        }

        return events;
    }

    private static JsonObject Event(string ticket, string kind, string code, DateTimeOffset at, string? shipment, JsonObject? opened = null)
    {
        var body = new JsonObject
        {
            ["eventId"] = $"{ticket}-{code}",
            ["kind"] = kind,
            ["code"] = code,
            ["occurredAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["ticketRef"] = ticket,
        };
        if (shipment is not null)
        {
            body["shipmentRef"] = shipment;
        }

        if (opened is not null)
        {
            body["opened"] = opened;
        }

        return body;
    }
}
