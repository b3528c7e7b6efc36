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
}
