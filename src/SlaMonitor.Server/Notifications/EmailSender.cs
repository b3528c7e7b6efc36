using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SlaMonitor.Server.Notifications;

/// <summary>Sends through MailKit's SMTP client, or writes .eml files to the pickup folder.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, IHostEnvironment environment)
{
    public MailboxAddress From => MailboxAddress.Parse(options.Value.From);

    /// <summary>Where the message went: the SMTP server or the pickup file.</summary>
    public async Task<string> Send(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            var folder = Path.Combine(environment.ContentRootPath, settings.PickupDirectory ?? Path.Combine("data", "mail"));
            Directory.CreateDirectory(folder);
            // Written under a temporary name and renamed, so a reader of the folder never sees half a message.
            var name = Guid.NewGuid().ToString("N");
            var partial = Path.Combine(folder, name + ".partial");
            var file = Path.Combine(folder, name + ".eml");
            await message.WriteToAsync(partial, ct);
            File.Move(partial, file);
            return file;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), ct);
        if (settings.Username is not null)
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return $"smtp://{settings.Host}:{settings.Port}";
    }
}
