using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using NodaTime;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// One message for one account manager, in plain text and HTML: about one incident (every affected promise of
/// theirs), or the digest of all their unresolved escalations.
/// </summary>
public static class AlertEmail
{
    public sealed record Line(Escalation Escalation, string CustomerName, IReadOnlyList<string> Reasons);

    public static MimeMessage Compose(MailboxAddress from, MailboxAddress to, Incident incident, IReadOnlyList<Line> lines, string boardUrl, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(lines);
        var first = lines[0].Escalation;
        var subject = lines.Count == 1
            ? $"[SlaMonitor] {first.TicketRef} {first.PromiseStatus.Replace('_', ' ')} for {lines[0].CustomerName} at {first.SiteCode}: {TimeLeft(first, now)}"
            : $"[SlaMonitor] {lines.Count} promises at risk ({incident.CarrierCode ?? "no carrier"}, {incident.Region}, {incident.ReasonKey})";
        return Compose(from, to, subject, $"Incident {incident.GroupKey}: {lines.Count} of your promises need attention.", lines, boardUrl, now);
    }

    /// <summary>The digest: every unresolved escalation of the account manager's customers, most urgent first.</summary>
    public static MimeMessage Digest(MailboxAddress from, MailboxAddress to, IReadOnlyList<Line> lines, string boardUrl, Instant now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Compose(from, to, $"[SlaMonitor] Digest: {lines.Count} open escalation{(lines.Count == 1 ? "" : "s")}",
            $"Digest: {lines.Count} of your promises have an escalation that is not resolved.", lines, boardUrl, now);
    }

    private static MimeMessage Compose(MailboxAddress from, MailboxAddress to, string subject, string intro, IReadOnlyList<Line> lines, string boardUrl, Instant now)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<html><body>");
        text.AppendLine(intro).AppendLine();
        html.Append(CultureInfo.InvariantCulture, $"<p>{Enc(intro)}</p><ul>");
        foreach (var line in lines)
        {
            var e = line.Escalation;
            var link = PromiseLinks.For(boardUrl, e.TicketRef);
            var why = line.Reasons.Count > 0 ? string.Join("; ", line.Reasons) : e.ReasonKey;
            text.AppendLine(CultureInfo.InvariantCulture, $"- {e.TicketRef} ({e.PromiseStatus}) for {line.CustomerName} at site {e.SiteCode}: {why}. {TimeLeft(e, now)}. {link}");
            html.Append(CultureInfo.InvariantCulture,
                $"<li><a href=\"{Enc(link)}\">{Enc(e.TicketRef)}</a> ({Enc(e.PromiseStatus)}) for {Enc(line.CustomerName)} at site {Enc(e.SiteCode)}: {Enc(why)}. {Enc(TimeLeft(e, now))}.</li>");
        }

        html.Append("</ul></body></html>");
        var message = new MimeMessage { Subject = subject };
        message.From.Add(from);
        message.To.Add(to);
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    public static string TimeLeft(Escalation escalation, Instant now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var left = Instant.FromDateTimeUtc(escalation.Deadline) - now;
        return left > Duration.Zero
            ? $"{DurationWords.Format(left)} left"
            : $"deadline passed {DurationWords.Format(-left)} ago";
    }

    private static string Enc(string value) => WebUtility.HtmlEncode(value);
}
