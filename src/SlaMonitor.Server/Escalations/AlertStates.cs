namespace SlaMonitor.Server.Escalations;

/// <summary>The life of an <see cref="Infrastructure.Persistence.Alert"/>.</summary>
public static class AlertStates
{
    public const string Pending = "pending";

    /// <summary>Only on the escalation: its latest alert's last try failed and it will be tried again.</summary>
    public const string Retrying = "retrying";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
