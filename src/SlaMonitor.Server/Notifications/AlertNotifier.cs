using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// Tells people at a ladder level. <c>board</c>: the bus message is enough. <c>accountManager</c>: one email per
/// account manager per incident listing all their affected promises, at most once per back-off interval for the
/// incident (the others are logged as inhibited), and a webhook to the customer's alertWebhook signed with its alertSecret.
/// <c>dutyManager</c>: an email to Escalations:DutyManagers when set. Every send is in the delivery log.
/// </summary>
public sealed class AlertNotifier(
    SlaDbContext db, EmailSender email, AlertWebhookClient webhooks, IOptions<EscalationOptions> options,
    SlaMetrics metrics, ILogger<AlertNotifier> logger) : IEscalationAlerts
{
    public async Task Notify(Escalation escalation, string notify, Instant now, CancellationToken ct)
    {
        try
        {
            if (notify == "accountManager")
            {
                await TellAccountManagers(escalation, now, ct);
                await PostWebhook(escalation, now, ct);
            }
            else if (notify == "dutyManager" && !string.IsNullOrWhiteSpace(options.Value.DutyManagers))
            {
                await TellDutyManagers(escalation, now, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Notifying {Notify} about escalation {Id} failed", notify, escalation.Id);
        }
    }

    private async Task TellAccountManagers(Escalation escalation, Instant now, CancellationToken ct)
    {
        var incidentId = escalation.IncidentId!.Value;
        var nowUtc = now.ToDateTimeUtc();
        var backoff = options.Value.Backoff();
        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == incidentId, ct);
        var quietUntil = incident.LastNotifiedAt is { } last ? (Instant.FromDateTimeUtc(last) + backoff.Delay(Math.Max(0, incident.NotifyCount - 1))).ToDateTimeUtc() : DateTime.MinValue;
        var claimed = nowUtc >= quietUntil && await db.Incidents
            .Where(i => i.Id == incidentId && i.Revision == incident.Revision)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LastNotifiedAt, nowUtc).SetProperty(i => i.NotifyCount, i => i.NotifyCount + 1).SetProperty(i => i.Revision, i => i.Revision + 1), ct) == 1;
        if (!claimed)
        {
            Log(escalation.Id, incidentId, "email", "account managers", 0, "inhibited", null, $"incident told at {incident.LastNotifiedAt:O}", now);
            await db.SaveChangesAsync(ct);
            metrics.Inhibited();
            return;
        }

        var members = await db.Escalations.AsNoTracking().Where(e => e.IncidentId == incidentId && e.OpenKey != null).ToListAsync(ct);
        foreach (var recipient in await AccountManagerLines.ForAsync(db, members, ct))
        {
            var message = AlertEmail.Compose(email.From, recipient.To, incident, recipient.Lines, options.Value.BoardUrl, now);
            await SendEmail(escalation.Id, incidentId, recipient.To.Address, message, now, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task TellDutyManagers(Escalation escalation, Instant now, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == escalation.IncidentId, ct);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == escalation.CustomerCode, ct);
        var line = new AlertEmail.Line(escalation, customer?.Name ?? escalation.CustomerCode, AdminJson.Deserialize<List<string>>(escalation.ReasonsJson));
        foreach (var address in options.Value.DutyManagers!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await SendEmail(escalation.Id, incident.Id, address, AlertEmail.Compose(email.From, MailboxAddress.Parse(address), incident, [line], options.Value.BoardUrl, now), now, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SendEmail(Guid escalationId, Guid incidentId, string to, MimeMessage message, Instant now, CancellationToken ct)
    {
        try
        {
            var where = await email.Send(message, ct);
            Log(escalationId, incidentId, "email", to, 1, "sent", null, where, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Email to {To} failed", to);
            Log(escalationId, incidentId, "email", to, 1, "failed", null, e.Message, now);
        }
    }

    private async Task PostWebhook(Escalation escalation, Instant now, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == escalation.CustomerCode, ct);
        if (customer?.AlertWebhook is not { } hook || !Uri.TryCreate(hook, UriKind.Absolute, out var url))
        {
            return;
        }

        var json = JsonSerializer.Serialize(new
        {
            type = "escalation",
            escalationId = escalation.Id,
            ticketRef = escalation.TicketRef,
            customer = escalation.CustomerCode,
            site = escalation.SiteCode,
            status = escalation.PromiseStatus,
            level = escalation.Level,
            deadline = new DateTimeOffset(escalation.Deadline, TimeSpan.Zero),
            reasons = AdminJson.Deserialize<List<string>>(escalation.ReasonsJson),
            link = PromiseLinks.For(options.Value.BoardUrl, escalation.TicketRef),
        });
        var attempts = await webhooks.Post(url, json, [.. new[] { customer.AlertSecret, customer.PreviousAlertSecret }.OfType<string>()], ct);
        foreach (var attempt in attempts)
        {
            var ok = attempt.StatusCode is >= 200 and < 300;
            Log(escalation.Id, escalation.IncidentId, "webhook", hook, attempt.Number, ok ? "sent" : "failed", attempt.StatusCode, attempt.Error, Instant.FromDateTimeOffset(attempt.At));
        }

        await db.SaveChangesAsync(ct);
    }

    private void Log(Guid escalationId, Guid? incidentId, string channel, string target, int attempt, string result, int? status, string? detail, Instant at) =>
        db.NotificationDeliveries.Add(new NotificationDelivery
        {
            EscalationId = escalationId,
            IncidentId = incidentId,
            Channel = channel,
            Target = target.Length > 2000 ? target[..2000] : target,
            Attempt = attempt,
            Result = result,
            StatusCode = status,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            At = at.ToDateTimeUtc(),
        });
}
