namespace SlaMonitor.Server.Escalations;

/// <summary>The life of an <see cref="Infrastructure.Persistence.Alert"/>.</summary>
public static class AlertStates
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
