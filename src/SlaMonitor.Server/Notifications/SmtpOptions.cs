using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// Settings under <c>Notifications:Smtp</c>. With <see cref="Host"/> mail goes to that SMTP server; with
/// <see cref="PickupDirectory"/> (the Development default, <c>data/mail</c>) each message is written there as an .eml file.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "SlaMonitor <slamonitor@localhost>";
    public string? PickupDirectory { get; set; }

    /// <summary>An SMTP connection unused this long is closed (<see cref="SmtpConnections"/>); 0 connects for every email.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Notifications:Smtp:IdleTimeout must be between 00:00:00 and 00:05:00.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
