using Microsoft.EntityFrameworkCore;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Api;

namespace SlaMonitor.Server.Webhooks;

/// <summary>An OPENED event must name a configured customer, site and service level, or the promise could never be judged.</summary>
public static class ReferencedConfiguration
{
    public static async Task Check(SlaDbContext db, IReadOnlyList<CarrierEvent> events, bool batch, ValidationErrors errors, CancellationToken ct)
    {
        var openings = events.Select((e, i) => (e.Opened, Index: i)).Where(o => o.Opened is not null).ToList();
        if (openings.Count == 0)
        {
            return;
        }

        var customers = openings.Select(o => o.Opened!.Customer).Distinct().ToList();
        var sites = openings.Select(o => o.Opened!.Site).Distinct().ToList();
        var levels = openings.Select(o => o.Opened!.ServiceLevel).Distinct().ToList();
        var knownCustomers = await db.Customers.Where(c => customers.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        var knownSites = await db.Sites.Where(s => sites.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct);
        var knownLevels = await db.Policies.Where(p => levels.Contains(p.ServiceLevel)).Select(p => p.ServiceLevel).Distinct().ToListAsync(ct);
        foreach (var (opened, index) in openings)
        {
            var prefix = batch ? $"events[{index}].opened." : "opened.";
            if (!knownCustomers.Contains(opened!.Customer))
            {
                errors.Add(prefix + "customer", $"No customer '{opened.Customer}' is configured.");
            }

            if (!knownSites.Contains(opened.Site))
            {
                errors.Add(prefix + "site", $"No site '{opened.Site}' is configured.");
            }

            if (!knownLevels.Contains(opened.ServiceLevel))
            {
                errors.Add(prefix + "serviceLevel", $"No policy for service level '{opened.ServiceLevel}' is configured.");
            }
        }
    }
}
