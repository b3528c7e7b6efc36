using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace SlaMonitor.Server.Notifications;

/// <summary>A MailKit client kept connected between sends by <see cref="SmtpConnections"/>.</summary>
public sealed class PooledSmtpClient : SmtpClient
{
    private bool _senderAccepted;

    /// <summary>Set when returned to the pool; it is closed once idle longer than <see cref="SmtpOptions.IdleTimeout"/>.</summary>
    public DateTimeOffset IdleSince { get; set; }

    public async Task SendOneAsync(MimeMessage message, CancellationToken ct)
    {
        _senderAccepted = false;
        await SendAsync(message, ct);
    }

    /// <summary>
    /// True when <paramref name="error"/> says the connection was gone before the server answered MAIL FROM. Then not
    /// one byte of the message left, so sending it again on a new connection cannot deliver it twice. A refusal
    /// (<see cref="SmtpCommandException"/>) is an answer, not a lost connection, and is never retried here.
    /// </summary>
    public bool LostBeforeSending(Exception error) =>
        !_senderAccepted && error is ServiceNotConnectedException or IOException or SmtpProtocolException;

    protected override void OnSenderAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        _senderAccepted = true;
        base.OnSenderAccepted(message, mailbox, response);
    }
}
