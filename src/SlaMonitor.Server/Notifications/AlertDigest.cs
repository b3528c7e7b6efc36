using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Api;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// The digest (Quartz, Escalations:DigestCron): one email per account manager listing every unresolved escalation
/// of their customers, most urgent first — a daily reminder of what is still open, whatever was acknowledged.
/// Each send is in the notification delivery log.
/// </summary>
public sealed class AlertDigest(SlaDbContext db, EmailSender email, IOptions<EscalationOptions> options, ILogger<AlertDigest> logger)
{
    /// <summary>Sends the digests; returns how many emails went out.</summary>
    public async Task<int> SendAsync(Instant now, CancellationToken ct)
    {
        var open = await db.Escalations.AsNoTracking().Where(e => e.OpenKey != null).ToListAsync(ct);
        var codes = open.Select(e => e.CustomerCode).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(ct);
        var byManager = customers
            .SelectMany(c => AdminJson.Deserialize<List<AccountManagerBody>>(c.AccountManagersJson).Select(m => (Manager: m, Customer: c)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Manager.Email))
            .GroupBy(x => x.Manager.Email!, StringComparer.OrdinalIgnoreCase);
        var sent = 0;
        foreach (var manager in byManager)
        {
            var lines = manager.SelectMany(x => open.Where(e => e.CustomerCode == x.Customer.Code)
                    .Select(e => new AlertEmail.Line(e, x.Customer.Name, AdminJson.Deserialize<List<string>>(e.ReasonsJson))))
                .OrderBy(l => l.Escalation.Deadline).ToList();
            var message = AlertEmail.Digest(email.From, new MailboxAddress(manager.First().Manager.Name, manager.Key), lines, options.Value.BoardUrl, now);
            sent += await SendAsync(manager.Key, message, lines.Count, now, ct) ? 1 : 0;
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<bool> SendAsync(string to, MimeMessage message, int escalations, Instant now, CancellationToken ct)
    {
        var delivery = new NotificationDelivery { Channel = "email", Target = to, Attempt = 1, Result = "sent", At = now.ToDateTimeUtc() };
        db.NotificationDeliveries.Add(delivery);
        try
        {
            delivery.Detail = $"digest of {escalations} escalations: {await email.Send(message, ct)}";
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Digest email to {To} failed", to);
            (delivery.Result, delivery.Detail) = ("failed", $"digest: {e.Message}");
            return false;
        }
    }
}
