using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// The digest (Quartz, Escalations:DigestCron): one email per account manager listing every unresolved escalation
/// of their customers, most urgent first — a daily reminder of what is still open, whatever was acknowledged.
/// Each send is in the notification delivery log.
/// </summary>
public sealed class AlertDigest(SlaDbContext db, EmailSender email, IOptions<EscalationOptions> options, ILogger<AlertDigest> logger) : IRecurringWork
{
    Task IRecurringWork.RunAsync(Instant now, CancellationToken ct) => SendAsync(now, ct);

    /// <summary>Sends the digests; returns how many emails went out.</summary>
    public async Task<int> SendAsync(Instant now, CancellationToken ct)
    {
        var open = await db.Escalations.AsNoTracking().Where(e => e.OpenKey != null).ToListAsync(ct);
        var sent = 0;
        foreach (var recipient in await AccountManagerLines.ForAsync(db, open, ct))
        {
            var message = AlertEmail.Digest(email.From, recipient.To, recipient.Lines, options.Value.BoardUrl, now);
            sent += await SendAsync(recipient.To.Address, message, recipient.Lines.Count, now, ct) ? 1 : 0;
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
