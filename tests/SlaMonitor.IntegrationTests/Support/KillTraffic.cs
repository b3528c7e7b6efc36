using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// The traffic of the worker-kill test: many repair tickets that stay on track (opened within the last hour of a
/// 4-hour target, never fulfilled, so no promise closes and every worker's lane statistics stay empty), posted by
/// <see cref="TestSetup.Carrier"/> in shuffled requests, and a few hundred tickets opened so long ago that they are
/// AT_RISK or BREACHED at once. Each of those comes from a carrier of its own (<see cref="BreachCarrier"/>): the
/// carrier is part of the incident key, so each escalation is its own incident and its account-manager email
/// carries its own alert's id. A share of every event is sent twice.
/// </summary>
public sealed class KillTraffic
{
    private static readonly string[] Steps = ["PART_REQUESTED", "PART_ALLOCATED", "TECHNICIAN_DISPATCHED"];

    private KillTraffic(List<string> tickets, List<string> breaching, HashSet<(string Carrier, string EventId)> events, List<(string Carrier, JsonObject Body, int Events)> requests)
    {
        Tickets = tickets;
        Breaching = breaching;
        Events = events;
        Requests = requests;
    }

    /// <summary>Every ticket, on track or not.</summary>
    public IReadOnlyList<string> Tickets { get; }

    /// <summary>The tickets that are AT_RISK or BREACHED from their first event.</summary>
    public IReadOnlyList<string> Breaching { get; }

    /// <summary>Every distinct (carrier, eventId) posted.</summary>
    public IReadOnlySet<(string Carrier, string EventId)> Events { get; }

    /// <summary>The requests in posting order: the carrier to post as, the body, its number of events (resends included).</summary>
    public IReadOnlyList<(string Carrier, JsonObject Body, int Events)> Requests { get; }

    public static string BreachCarrier(int i) => $"KILL{i:D4}";

    public static KillTraffic Generate(int events, int breaching, double duplicateShare, int requestSize, Instant now, int seed)
    {
        var random = new Random(seed);
        var prefix = $"K{Guid.NewGuid():N}"[..9];
        var tickets = new List<string>();
        var breachTickets = new List<string>();
        var keys = new HashSet<(string, string)>();
        var breachRequests = new List<(string Carrier, JsonObject Body, int Events)>();
        for (var i = 0; i < breaching; i++)
        {
            var ticket = $"{prefix}-X{i}";
            tickets.Add(ticket);
            breachTickets.Add(ticket);
            // 220 minutes ago: AT_RISK with 20 minutes left (30-minute margin); 250 minutes ago: BREACHED.
            var openedAt = now - Duration.FromMinutes(i % 2 == 0 ? 220 : 250);
            var own = new List<JsonObject> { SignedEvents.Opened(ticket, openedAt), SignedEvents.Event(ticket, "repair", Steps[0], openedAt + Duration.FromMinutes(10)) };
            own.AddRange(own.Where(_ => random.NextDouble() < duplicateShare).ToList());
            foreach (var e in own)
            {
                keys.Add((BreachCarrier(i), e["eventId"]!.GetValue<string>()));
            }

            breachRequests.Add((BreachCarrier(i), SignedEvents.Batch([.. own]), own.Count));
        }

        var distinct = new List<JsonObject>();
        while (keys.Count + distinct.Count < events)
        {
            var ticket = $"{prefix}-{tickets.Count}";
            tickets.Add(ticket);
            var openedAt = now - Duration.FromMinutes(random.Next(5, 60));
            distinct.Add(SignedEvents.Opened(ticket, openedAt));
            var at = openedAt;
            foreach (var code in Steps)
            {
                at += Duration.FromMinutes(random.Next(1, 10));
                if (at < now && keys.Count + distinct.Count < events)
                {
                    distinct.Add(SignedEvents.Event(ticket, "repair", code, at));
                }
            }
        }

        foreach (var e in distinct)
        {
            keys.Add((TestSetup.Carrier, e["eventId"]!.GetValue<string>()));
        }

        var posted = distinct.Concat(distinct.Where(_ => random.NextDouble() < duplicateShare).ToList()).ToArray();
        random.Shuffle(posted);
        var requests = posted.Chunk(requestSize).Select(c => (TestSetup.Carrier, SignedEvents.Batch([.. c]), c.Length)).ToList();
        // The breaching tickets arrive spread over the whole run, between the bulk requests.
        foreach (var request in breachRequests)
        {
            requests.Insert(random.Next(requests.Count + 1), request);
        }

        return new KillTraffic(tickets, breachTickets, keys, requests);
    }
}
