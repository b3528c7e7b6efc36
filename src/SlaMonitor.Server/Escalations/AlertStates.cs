namespace SlaMonitor.Server.Escalations;

/// <summary>The life of an <see cref="Infrastructure.Persistence.Alert"/>.</summary>
public static class AlertStates
{
    public const string Pending = "pending";

    /// <summary>Only on the escalation: its latest alert's last try failed and it will be tried again.</summary>
    public const string Retrying = "retrying";

    /// <summary>Only on the escalation: its latest alert was muted by a silence and waits for the window to end.</summary>
    public const string Silenced = "silenced";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>Muted by a silence, then not sent: the escalation was resolved meanwhile, or a later alert of it tells instead.</summary>
    public const string Dropped = "dropped";
}
