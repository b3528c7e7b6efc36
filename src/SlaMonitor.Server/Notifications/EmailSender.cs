using Microsoft.Extensions.Options;
using MimeKit;

namespace SlaMonitor.Server.Notifications;

/// <summary>Sends through MailKit over <see cref="SmtpConnections"/>, or writes .eml files to the pickup folder.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, IHostEnvironment environment, SmtpConnections connections)
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

        await connections.SendAsync(message, ct);
        return $"smtp://{settings.Host}:{settings.Port}";
    }
}
