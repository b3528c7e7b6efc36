using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SlaMonitor.Server.Notifications;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// The cheap parts of SMTP connection reuse; sending over real connections is tested against aiosmtpd
/// (SlaMonitor.IntegrationTests SmtpConnectionReuseTests).
/// </summary>
public sealed class SmtpConnectionsTests
{
    public static TheoryData<string, Exception, bool> Errors => new()
    {
        { "client knew it was disconnected", new ServiceNotConnectedException(), true },
        { "socket closed or reset", new IOException("Connection reset by peer"), true },
        { "server gone mid-dialogue", new SmtpProtocolException("The SMTP server has unexpectedly disconnected."), true },
        { "recipient refused", new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, MailboxAddress.Parse("a@example.com"), "refused"), false },
        { "sender refused", new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, MailboxAddress.Parse("a@example.com"), "refused"), false },
        { "cancelled", new OperationCanceledException(), false },
        { "authentication failed", new MailKit.Security.AuthenticationException(), false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Only_a_connection_lost_before_the_server_took_the_sender_counts_as_safe_to_send_again(string what, Exception error, bool lost)
    {
        using var client = new PooledSmtpClient();

        Assert.True(lost == client.LostBeforeSending(error), what);
    }

    [Fact]
    public async Task The_connections_are_one_per_process_so_the_host_closes_them_when_it_stops()
    {
        await using var app = new SlaApp();
        await using var one = app.Services.CreateAsyncScope();
        await using var other = app.Services.CreateAsyncScope();

        Assert.Same(one.ServiceProvider.GetRequiredService<SmtpConnections>(), other.ServiceProvider.GetRequiredService<SmtpConnections>());
    }

    [Fact]
    public async Task An_email_to_a_server_that_refuses_connections_fails_with_the_connect_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var connections = new SmtpConnections(
            Microsoft.Extensions.Options.Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SmtpConnections>.Instance);
        var message = new MimeMessage([MailboxAddress.Parse("slamonitor@localhost")], [MailboxAddress.Parse("a@example.com")], "s", new TextPart("plain") { Text = "b" });

        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => connections.SendAsync(message, TestContext.Current.CancellationToken));
    }
}
