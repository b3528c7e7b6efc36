using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>
/// An OPENED event must name a configured customer, site and service level, or the promise could never be
/// judged. Customers, sites and policies are never deleted, so a code once found is remembered for good and
/// only codes not seen yet are looked up.
/// </summary>
public sealed class ReferencedConfiguration
{
    private readonly ConcurrentDictionary<string, byte> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _sites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _serviceLevels = new(StringComparer.Ordinal);

    public async Task Check(SlaDbContext db, IReadOnlyList<CarrierEvent> events, bool batch, ValidationErrors errors, CancellationToken ct)
    {
        var openings = events.Select((e, i) => (e.Opened, Index: i)).Where(o => o.Opened is not null).ToList();
        if (openings.Count == 0)
        {
            return;
        }

        await Learn(_customers, openings.Select(o => o.Opened!.Customer), codes => db.Customers.Where(c => codes.Contains(c.Code)).Select(c => c.Code), ct);
        await Learn(_sites, openings.Select(o => o.Opened!.Site), codes => db.Sites.Where(s => codes.Contains(s.Code)).Select(s => s.Code), ct);
        await Learn(_serviceLevels, openings.Select(o => o.Opened!.ServiceLevel), codes => db.Policies.Where(p => codes.Contains(p.ServiceLevel)).Select(p => p.ServiceLevel).Distinct(), ct);
        foreach (var (opened, index) in openings)
        {
            var prefix = batch ? $"events[{index}].opened." : "opened.";
            if (!_customers.ContainsKey(opened!.Customer))
            {
                errors.Add(prefix + "customer", $"No customer '{opened.Customer}' is configured.");
            }

            if (!_sites.ContainsKey(opened.Site))
            {
                errors.Add(prefix + "site", $"No site '{opened.Site}' is configured.");
            }

            if (!_serviceLevels.ContainsKey(opened.ServiceLevel))
            {
                errors.Add(prefix + "serviceLevel", $"No policy for service level '{opened.ServiceLevel}' is configured.");
            }
        }
    }

    private static async Task Learn(
        ConcurrentDictionary<string, byte> known, IEnumerable<string> named, Func<List<string>, IQueryable<string>> configured, CancellationToken ct)
    {
        var unseen = named.Where(code => !known.ContainsKey(code)).Distinct(StringComparer.Ordinal).ToList();
        if (unseen.Count == 0)
        {
            return;
        }

        foreach (var code in await configured(unseen).ToListAsync(ct))
        {
            known.TryAdd(code, 0);
        }
    }
}
