using System.Security.Cryptography;
using System.Text;
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
/// Delivers one alert (one try). <c>accountManager</c>: one email per account manager per incident listing all their
/// affected promises, at most once per back-off interval for the incident (the others are logged as inhibited), and
/// a webhook to the customer's alertWebhook signed with its alertSecret. <c>dutyManager</c>: an email to
/// Escalations:DutyManagers when set. Every send is in the delivery log; every message carries the alert's id, the
/// same on every try.
/// </summary>
public sealed class AlertNotifier(
    SlaDbContext db, EmailSender email, AlertWebhookClient webhooks, IOptions<EscalationOptions> options,
    SlaMetrics metrics, ILogger<AlertNotifier> logger)
{
    /// <summary>Null when everyone was told; else what failed (the dispatcher tries again later).</summary>
    public async Task<string?> Deliver(Alert alert, Escalation escalation, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(escalation);
        var failures = new List<string>();
        if (alert.Notify == AlertRows.AccountManager)
        {
            await TellAccountManagers(alert, escalation, now, failures, ct);
            await PostWebhook(alert, escalation, now, failures, ct);
        }
        else if (alert.Notify == AlertRows.DutyManager && !string.IsNullOrWhiteSpace(options.Value.DutyManagers))
        {
            await TellDutyManagers(alert, escalation, now, failures, ct);
        }

        return failures.Count == 0 ? null : string.Join("; ", failures);
    }

    private async Task TellAccountManagers(Alert alert, Escalation escalation, Instant now, List<string> failures, CancellationToken ct)
    {
        var incidentId = escalation.IncidentId!.Value;
        var nowUtc = now.ToDateTimeUtc();
        var backoff = options.Value.Backoff();
        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == incidentId, ct);
        var quietUntil = incident.LastNotifiedAt is { } last ? (Instant.FromDateTimeUtc(last) + backoff.Delay(Math.Max(0, incident.NotifyCount - 1))).ToDateTimeUtc() : DateTime.MinValue;
        // A retry is not inhibited by its own earlier try: that includes a try cut off by a worker that died or stopped
        // (the dispatcher counts it), which may have claimed the incident and never sent its email.
        var claimed = alert.Attempts > 0 || (nowUtc >= quietUntil && await db.Incidents
            .Where(i => i.Id == incidentId && i.Revision == incident.Revision)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LastNotifiedAt, nowUtc).SetProperty(i => i.NotifyCount, i => i.NotifyCount + 1).SetProperty(i => i.Revision, i => i.Revision + 1), ct) == 1);
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
            await SendEmail(alert, incidentId, recipient.To.Address, message, now, failures, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task TellDutyManagers(Alert alert, Escalation escalation, Instant now, List<string> failures, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == escalation.IncidentId, ct);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == escalation.CustomerCode, ct);
        var line = new AlertEmail.Line(escalation, customer?.Name ?? escalation.CustomerCode, AdminJson.Deserialize<List<string>>(escalation.ReasonsJson));
        foreach (var address in options.Value.DutyManagers!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var message = AlertEmail.Compose(email.From, MailboxAddress.Parse(address), incident, [line], options.Value.BoardUrl, now);
            await SendEmail(alert, incident.Id, address, message, now, failures, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SendEmail(Alert alert, Guid incidentId, string to, MimeMessage message, Instant now, List<string> failures, CancellationToken ct)
    {
        // The same Message-Id on every try of this alert to this address: mail systems and people can drop a repeat.
        message.MessageId = $"{alert.Id:N}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(to.ToUpperInvariant())))[..12]}@slamonitor";
        try
        {
            var where = await email.Send(message, ct);
            Log(alert.EscalationId, incidentId, "email", to, alert.Attempts + 1, "sent", null, where, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Email to {To} failed", to);
            Log(alert.EscalationId, incidentId, "email", to, alert.Attempts + 1, "failed", null, e.Message, now);
            failures.Add($"email to {to}: {e.Message}");
        }
    }

    private async Task PostWebhook(Alert alert, Escalation escalation, Instant now, List<string> failures, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == escalation.CustomerCode, ct);
        if (customer?.AlertWebhook is not { } hook || !Uri.TryCreate(hook, UriKind.Absolute, out var url))
        {
            return;
        }

        var json = JsonSerializer.Serialize(new
        {
            type = "escalation",
            alertId = alert.Id,
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

        if (attempts.Count == 0 || attempts[^1].StatusCode is not (>= 200 and < 300))
        {
            failures.Add($"webhook {hook}: {(attempts.Count == 0 ? "not sent" : attempts[^1].Error ?? $"HTTP {attempts[^1].StatusCode}")}");
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
