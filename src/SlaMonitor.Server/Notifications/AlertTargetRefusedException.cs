namespace SlaMonitor.Server.Notifications;

/// <summary>An alert target the <see cref="Common.AlertTargetPolicy"/> does not allow; not worth a retry.</summary>
public sealed class AlertTargetRefusedException(string message) : Exception(message);
