using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Notifications;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The weekly report (Quartz job every 5 minutes): for each recipient, Reports:WeeklyCron (default Monday 07:00) is read
/// in the recipient's own zone, DST and all; once a firing has passed (within a day: a worker that was down catches up),
/// the previous ISO week's attainment by customer (for executives also the summary's scores) is composed as HTML and queued as a durable alert, which the alert
/// dispatcher sends with its retries. The alert's id comes from the recipient and the firing, so each goes once.
/// </summary>
public sealed class WeeklyReport(SlaDbContext db, ReportOptions options, EscalationOptions escalations, IEscalationAlerts alerts) : IRecurringWork
{
    private static readonly Duration CatchUp = Duration.FromDays(1);

    public async Task RunAsync(Instant now, CancellationToken ct)
    {
        var queued = 0;
        foreach (var recipient in await WeeklyRecipients.ReadAsync(db, options, ct))
        {
            if (LastFiring(recipient.Zone, now) is not { } firing)
            {
                continue;
            }

            var id = IdOf(recipient, firing);
            if (await db.Alerts.AnyAsync(a => a.Id == id, ct))
            {
                continue;
            }

            var monday = ReportPeriods.StartOf(firing.InZone(recipient.Zone).Date, ReportPeriod.Week);
            var range = new ReportRange(recipient.Zone.AtStartOfDay(monday.PlusWeeks(-1)).ToInstant(), recipient.Zone.AtStartOfDay(monday).ToInstant(), recipient.Zone);
            var request = new AttainmentRequest(range, [ReportDimensions.Customer], ReportPeriod.None, new AttainmentFilter(VisibleCustomers: recipient.Customers));
            var rows = new List<AttainmentRow>();
            await foreach (var row in AttainmentQuery.RunAsync(db, request, ct))
            {
                rows.Add(row);
            }

            var scores = recipient.Customers is null ? (await SummaryQuery.RunAsync(db, range, new AttainmentFilter(), now, ct)).Customers : null;
            var (subject, html) = WeeklyReportEmail.Compose(range, rows, escalations.BoardUrl, scores);
            db.Alerts.Add(new Alert
            {
                Id = id, EscalationId = Guid.Empty, Notify = ComposedEmails.Notify, Destination = recipient.Address, State = AlertStates.Pending,
                NextAttemptAt = now.ToDateTimeUtc(), CreatedAt = now.ToDateTimeUtc(), Subject = subject, Body = html,
            });
            await db.SaveChangesAsync(ct);
            queued++;
        }

        if (queued > 0)
        {
            alerts.Queued();
        }
    }

    /// <summary>The latest firing of the cron in the zone at or before now, if it lies within the catch-up window.</summary>
    private Instant? LastFiring(DateTimeZone zone, Instant now)
    {
        var cron = new CronExpression(options.WeeklyCron, TimeZoneInfo.FindSystemTimeZoneById(zone.Id));
        Instant? last = null;
        for (var next = cron.GetNextValidTimeAfter((now - CatchUp).ToDateTimeOffset()); next is { } at && Instant.FromDateTimeOffset(at) <= now; next = cron.GetNextValidTimeAfter(at))
        {
            last = Instant.FromDateTimeOffset(at);
        }

        return last;
    }

    private static Guid IdOf(WeeklyRecipient recipient, Instant firing)
    {
        var key = $"weekly-report|{(recipient.Customers is null ? "executive" : "manager")}|{recipient.Address.ToUpperInvariant()}|{firing.ToUnixTimeSeconds()}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: a name-based id of our own
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
