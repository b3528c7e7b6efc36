namespace SlaMonitor.Server.Notifications;

/// <summary>One try of an outbound webhook as seen under the retry handler.</summary>
public sealed record DeliveryAttempt(int Number, int? StatusCode, string? Error, DateTimeOffset At);
