using MimeKit;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// Alerts that carry their own email (subject and HTML body composed when queued, like the weekly report): sent as
/// stored to the alert's destination address through the same durable rows, claims and retries as escalation alerts.
/// </summary>
public static class ComposedEmails
{
    /// <summary>The <see cref="Alert.Notify"/> of a composed email.</summary>
    public const string Notify = "email";

    /// <summary>Null when sent; else why not (the dispatcher tries again later). Every try is in the delivery log.</summary>
    public static async Task<string?> SendAsync(SlaDbContext db, EmailSender email, Alert alert, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(alert);
        var message = new MimeMessage { Subject = alert.Subject ?? "", MessageId = $"{alert.Id:N}@slamonitor" };
        message.From.Add(email.From);
        message.To.Add(MailboxAddress.Parse(alert.Destination));
        message.Body = new BodyBuilder { HtmlBody = alert.Body ?? "" }.ToMessageBody();
        var delivery = new NotificationDelivery { Channel = "email", Target = alert.Destination, Attempt = alert.Attempts + 1, Result = "sent", At = now.ToDateTimeUtc() };
        db.NotificationDeliveries.Add(delivery);
        string? failure = null;
        try
        {
            delivery.Detail = $"{alert.Subject}: {await email.Send(message, ct)}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (delivery.Result, delivery.Detail, failure) = ("failed", e.Message, $"email to {alert.Destination}: {e.Message}");
        }

        await db.SaveChangesAsync(ct);
        return failure;
    }
}
