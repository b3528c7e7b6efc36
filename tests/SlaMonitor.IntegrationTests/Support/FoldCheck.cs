using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Promises;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// Compares each stored promise with the engine's own answer: its stored events folded in occurredAt
/// order and evaluated at the instant the promise was last written, with the lane statistics of the worker
/// that wrote it. Each worker rebuilds its own statistics at start-up, so when several workers took part
/// (one stopped, one started later), a promise must equal its fold under the statistics of one of them.
/// </summary>
public static class FoldCheck
{
    /// <summary>The tickets whose stored promise is missing or differs from the fold, with what differs.</summary>
    public static async Task<List<string>> MismatchesAsync(TestDatabase database, IReadOnlyCollection<string> tickets, params IReadOnlyList<LaneStatistics> lanes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(lanes.Count);
        await using var db = database.Context();
        var events = (await db.Events.AsNoTracking().Where(e => e.TicketRef != null).ToListAsync())
            .GroupBy(e => e.TicketRef!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(Comparer<StoredEvent>.Create(TimelineOrder.Compare)).ToList(), StringComparer.Ordinal);
        var promises = await db.Promises.AsNoTracking().ToDictionaryAsync(p => p.TicketRef, StringComparer.Ordinal);
        var policies = await db.Policies.AsNoTracking().ToListAsync();
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Code, StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (var ticket in tickets)
        {
            if (!promises.TryGetValue(ticket, out var promise) || !events.TryGetValue(ticket, out var stored))
            {
                mismatches.Add($"{ticket}: no promise");
                continue;
            }

            var policy = policies.Single(p => p.ServiceLevel == promise.ServiceLevel && p.Version == promise.PolicyVersion);
            var state = PromiseFolding.Fold(PromiseFolding.Opened(stored)!, stored, policy, sites[promise.SiteCode]);
            var at = Instant.FromDateTimeUtc(promise.UpdatedAt);
            var expected = lanes.Select(l => EngineRows.Status(SlaEvaluator.Evaluate(state, at, l).Status)).Distinct().ToList();
            if (!expected.Contains(promise.Status) || state.ClosedAt?.ToDateTimeUtc() != promise.ClosedAt)
            {
                mismatches.Add($"{ticket}: stored {promise.Status} closed {promise.ClosedAt:o}, fold {string.Join(" or ", expected)} closed {state.ClosedAt}");
            }
        }

        return mismatches;
    }
}
