using Microsoft.EntityFrameworkCore;
using MimeKit;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;

namespace SlaMonitor.Server.Notifications;

/// <summary>Who hears about which escalations: each account manager (by email) with the lines of their customers' escalations, earliest deadline first.</summary>
public static class AccountManagerLines
{
    public sealed record Recipient(MailboxAddress To, IReadOnlyList<AlertEmail.Line> Lines);

    public static async Task<List<Recipient>> ForAsync(SlaDbContext db, IReadOnlyList<Escalation> escalations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(escalations);
        var codes = escalations.Select(e => e.CustomerCode).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(ct);
        return customers
            .SelectMany(c => AdminJson.Deserialize<List<AccountManagerBody>>(c.AccountManagersJson).Select(m => (Manager: m, Customer: c)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Manager.Email))
            .GroupBy(x => x.Manager.Email!, StringComparer.OrdinalIgnoreCase)
            .Select(manager => new Recipient(
                new MailboxAddress(manager.First().Manager.Name, manager.Key),
                manager.SelectMany(x => escalations.Where(e => e.CustomerCode == x.Customer.Code)
                        .Select(e => new AlertEmail.Line(e, x.Customer.Name, AdminJson.Deserialize<List<string>>(e.ReasonsJson))))
                    .OrderBy(l => l.Escalation.Deadline).ToList()))
            .ToList();
    }
}
