using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;

namespace SlaMonitor.Server.Reports;

/// <summary>The executives (every customer) and each account manager (their customers, their own zone, else UTC).</summary>
public static class WeeklyRecipients
{
    public static async Task<List<WeeklyRecipient>> ReadAsync(SlaDbContext db, ReportOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var executives = DateTimeZoneProviders.Tzdb[options.ExecutiveTimeZone];
        var recipients = options.Executives().Select(a => new WeeklyRecipient(a, executives, null)).ToList();
        var customers = await db.Customers.AsNoTracking().Select(c => new { c.Code, c.AccountManagersJson }).ToListAsync(ct);
        var managers = customers
            .SelectMany(c => AdminJson.Deserialize<List<AccountManagerBody>>(c.AccountManagersJson).Select(m => (Manager: m, c.Code)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Manager.Email))
            .GroupBy(x => x.Manager.Email!, StringComparer.OrdinalIgnoreCase);
        foreach (var manager in managers)
        {
            var zone = manager.Select(x => x.Manager.TimeZone).FirstOrDefault(z => z is not null) is { } id ? SiteTime.Zone(id) : DateTimeZone.Utc;
            recipients.Add(new WeeklyRecipient(manager.Key, zone, manager.Select(x => x.Code).Distinct(StringComparer.Ordinal).ToList()));
        }

        return recipients;
    }
}
