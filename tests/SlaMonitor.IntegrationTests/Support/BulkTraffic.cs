using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// Many tickets' repair journeys as partners send them: every event once, a share of them resent,
/// all shuffled so that a ticket's events (and an event and its resend) land in different requests.
/// </summary>
public sealed class BulkTraffic
{
    private static readonly string[] Journey = ["PART_REQUESTED", "PART_ALLOCATED", "TECHNICIAN_DISPATCHED", TestSetup.FulfilledBy];

    private BulkTraffic(IReadOnlyList<string> tickets, IReadOnlySet<string> eventIds, IReadOnlyList<JsonObject> posted)
    {
        Tickets = tickets;
        EventIds = eventIds;
        Posted = posted;
    }

    public IReadOnlyList<string> Tickets { get; }

    /// <summary>Every distinct eventId generated.</summary>
    public IReadOnlySet<string> EventIds { get; }

    /// <summary>Every event to post, resends included, in posting order.</summary>
    public IReadOnlyList<JsonObject> Posted { get; }

    /// <summary>Tickets of five events each (OPENED and up to four steps, some journeys unfinished), <paramref name="duplicateShare"/> of them resent.</summary>
    public static BulkTraffic Generate(int events, double duplicateShare, Instant now, int seed)
    {
        var random = new Random(seed);
        var prefix = $"B{Guid.NewGuid():N}"[..9];
        var tickets = new List<string>();
        var distinct = new List<JsonObject>(events);
        while (distinct.Count < events)
        {
            var ticket = $"{prefix}-{tickets.Count}";
            tickets.Add(ticket);
            var openedAt = now - Duration.FromMinutes(random.Next(10, 150));
            distinct.Add(SignedEvents.Opened(ticket, openedAt));
            foreach (var (code, step) in Journey.Select((c, i) => (c, i + 1)))
            {
                var at = openedAt + Duration.FromMinutes(step * random.Next(5, 70));
                if (at < now && distinct.Count < events)
                {
                    distinct.Add(SignedEvents.Event(ticket, "repair", code, at));
                }
            }
        }

        var resent = distinct.Where(_ => random.NextDouble() < duplicateShare).ToList();
        var posted = distinct.Concat(resent).ToArray();
        random.Shuffle(posted);
        return new BulkTraffic(tickets, distinct.Select(e => e["eventId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal), posted);
    }

    /// <summary>The events in requests of <paramref name="size"/>.</summary>
    public IEnumerable<JsonObject> Requests(int size) => Posted.Chunk(size).Select(chunk => SignedEvents.Batch(chunk));
}
