using System.Globalization;
using System.Text.Json.Nodes;

namespace SlaMonitor.LoadGen;

/// <summary>
/// An endless stream of canonical events: each ticket opens, its part ships (stage durations from Olist, one day
/// scaled to one minute, all in the past) and the technician arrives (MET). The mix a bad day brings is part of it:
/// <list type="bullet">
/// <item><see cref="RunningLateShare"/> of the tickets opened about four hours ago and not delivered yet: AT_RISK or
/// BREACHED when they arrive or within two minutes (escalations, incidents and alerts);</item>
/// <item><see cref="CustomsShare"/> held in customs (a pause) and released;</item>
/// <item><see cref="LateEventShare"/> with one event held back and sent only after <see cref="LateAfterEvents"/> more
/// events, so it arrives after the ticket's later events were applied;</item>
/// <item>resends (<c>duplicateShare</c> of the events) and out-of-order delivery: events are shuffled within a window
/// of 32.</item>
/// </list>
/// What was actually sent is counted (<see cref="Tally"/>), so the printed shares are measured, not intended.
/// </summary>
internal sealed class Journeys(List<(TimeSpan Pickup, TimeSpan Transit)> stages, double duplicateShare, string runId)
{
    public const string Customer = "LOADGEN";
    public const string Site = "LOADGEN-FRA";
    public const string ServiceLevel = "LOADGEN-4H";
    public const double RunningLateShare = 0.06;
    public const double CustomsShare = 0.10;
    public const double LateEventShare = 0.05;
    public const int LateAfterEvents = 2_000;
    private const double MinutesPerDay = 1;
    private static readonly TimeSpan Budget = TimeSpan.FromHours(4);

    private readonly Random _random = new(42);
    private readonly List<Planned> _window = [];
    private readonly Queue<(long Due, Planned Event)> _late = new();
    private readonly List<JsonObject> _sent = [];
    private readonly Dictionary<string, DateTimeOffset> _latestSent = new(StringComparer.Ordinal);
    private TrafficTally _tally = new(0, 0, 0, 0, 0, 0, 0);
    private int _tickets;

    public string TicketPrefix => $"LG{runId}-";

    /// <summary>Everything sent so far.</summary>
    public TrafficTally Tally
    {
        get
        {
            lock (_random)
            {
                return _tally;
            }
        }
    }

    public List<JsonObject> Next(int count)
    {
        var events = new List<JsonObject>(count);
        lock (_random)
        {
            while (events.Count < count)
            {
                if (_sent.Count > 0 && _random.NextDouble() < duplicateShare)
                {
                    events.Add(_sent[_random.Next(_sent.Count)]);
                    _tally = _tally with { Events = _tally.Events + 1, Duplicates = _tally.Duplicates + 1 };
                    continue;
                }

                var next = NextFirstSend();
                Remember(next.Body);
                events.Add(next.Body);
                var outOfOrder = _latestSent.TryGetValue(next.Ticket, out var latest) && next.At < latest;
                _latestSent[next.Ticket] = outOfOrder ? latest : next.At;
                _tally = _tally with { Events = _tally.Events + 1, OutOfOrder = _tally.OutOfOrder + (outOfOrder ? 1 : 0) };
            }
        }

        return events;
    }

    private Planned NextFirstSend()
    {
        if (_late.TryPeek(out var held) && held.Due <= _tally.Events)
        {
            _late.Dequeue();
            _tally = _tally with { LateEvents = _tally.LateEvents + 1 };
            return held.Event;
        }

        if (_window.Count < 32)
        {
            _window.AddRange(Ticket());
        }

        var i = _random.Next(Math.Min(_window.Count, 32));
        var next = _window[i];
        _window.RemoveAt(i);
        return next;
    }

    private void Remember(JsonObject body)
    {
        if (_sent.Count < 10_000)
        {
            _sent.Add(body);
        }
        else
        {
            _sent[_random.Next(_sent.Count)] = body;
        }
    }

    private List<Planned> Ticket()
    {
        var ticket = $"{TicketPrefix}{_tickets++}";
        var now = DateTimeOffset.UtcNow;
        var (pickup, transit) = stages[_random.Next(stages.Count)];
        var pickupAfter = TimeSpan.FromMinutes(pickup.TotalDays * MinutesPerDay);
        var transitFor = TimeSpan.FromMinutes(transit.TotalDays * MinutesPerDay);
        var shipment = $"S-{ticket}";
        var kind = _random.NextDouble();
        List<Planned> events;
        if (kind < RunningLateShare)
        {
            // Deadline between 5 minutes ago and 2 minutes ahead: breached on arrival, or by its wake-up during the run.
            var openedAt = now - Budget + TimeSpan.FromSeconds(_random.Next(-300, 120));
            events =
            [
                Event(ticket, "repair", "OPENED", openedAt, null, Opening()),
                Event(ticket, "shipment", "LABEL_CREATED", openedAt + TimeSpan.FromMinutes(5), shipment),
                Event(ticket, "shipment", "PICKED_UP", openedAt + TimeSpan.FromMinutes(90), shipment),
                Event(ticket, "shipment", "DELAYED", openedAt + TimeSpan.FromMinutes(150), shipment, reason: "CARRIER_CAPACITY"),
            ];
            _tally = _tally with { Tickets = _tally.Tickets + 1, RunningLate = _tally.RunningLate + 1 };
        }
        else
        {
            var openedAt = now - pickupAfter - transitFor - TimeSpan.FromMinutes(_random.Next(1, 60));
            var delivered = openedAt + pickupAfter + transitFor;
            events =
            [
                Event(ticket, "repair", "OPENED", openedAt, null, Opening()),
                Event(ticket, "shipment", "LABEL_CREATED", openedAt + TimeSpan.FromMinutes(1), shipment),
                Event(ticket, "shipment", "PICKED_UP", openedAt + pickupAfter, shipment),
                Event(ticket, "shipment", "IN_TRANSIT", openedAt + pickupAfter + (transitFor / 3), shipment),
                Event(ticket, "shipment", "OUT_FOR_DELIVERY", openedAt + pickupAfter + (transitFor * 0.9), shipment),
                Event(ticket, "shipment", "DELIVERED", delivered, shipment),
            ];
            var customs = kind < RunningLateShare + CustomsShare;
            if (customs)
            {
                events.Add(Event(ticket, "customs", "HELD", openedAt + pickupAfter + (transitFor * 0.4), shipment, reason: "CUSTOMS_INSPECTION"));
                events.Add(Event(ticket, "customs", "RELEASED", openedAt + pickupAfter + (transitFor * 0.6), shipment));
            }

            events.Add(Event(ticket, "repair", "TECHNICIAN_ONSITE", delivered + TimeSpan.FromSeconds(30), null));

            _tally = _tally with { Tickets = _tally.Tickets + 1, Customs = _tally.Customs + (customs ? 1 : 0) };
        }

        if (_random.NextDouble() < LateEventShare)
        {
            // Held back: one of the ticket's shipment events, sent after the rest of the ticket.
            var held = events[_random.Next(2, events.Count)];
            events.Remove(held);
            _late.Enqueue((_tally.Events + LateAfterEvents, held));
        }

        return events;
    }

    private static JsonObject Opening() => new() { ["customer"] = Customer, ["site"] = Site, ["serviceLevel"] = ServiceLevel };

    private static Planned Event(string ticket, string kind, string code, DateTimeOffset at, string? shipment, JsonObject? opened = null, string? reason = null)
    {
        var body = new JsonObject
        {
            ["eventId"] = $"{ticket}-{code}",
            ["kind"] = kind,
            ["code"] = code,
            ["occurredAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
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

        if (reason is not null)
        {
            body["reason"] = reason;
        }

        return new Planned(body, ticket, at);
    }

    private sealed record Planned(JsonObject Body, string Ticket, DateTimeOffset At);
}

/// <summary>What the load tool sent: tickets by kind, and events (first sends and resends) by how they arrived.</summary>
internal sealed record TrafficTally(long Tickets, long RunningLate, long Customs, long Events, long Duplicates, long OutOfOrder, long LateEvents)
{
    public TrafficTally Since(TrafficTally before) => new(
        Tickets - before.Tickets, RunningLate - before.RunningLate, Customs - before.Customs, Events - before.Events,
        Duplicates - before.Duplicates, OutOfOrder - before.OutOfOrder, LateEvents - before.LateEvents);

    public override string ToString()
    {
        static string Share(long part, long whole) => whole == 0 ? "–" : (part / (double)whole).ToString("P1", CultureInfo.InvariantCulture);
        return $"{Tickets} tickets: running late {Share(RunningLate, Tickets)}, customs hold {Share(Customs, Tickets)}; " +
               $"{Events} events: resends {Share(Duplicates, Events)}, out of order {Share(OutOfOrder, Events)}, held back {Share(LateEvents, Events)}";
    }
}
