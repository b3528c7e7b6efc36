using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Scheduling;

/// <summary>Retention:DeliveryLogs — how long the carrier delivery log and the notification delivery log are kept.</summary>
public sealed record RetentionOptions(TimeSpan DeliveryLogs)
{
    public const string DeliveryLogsKey = "Retention:DeliveryLogs";
    public static readonly TimeSpan DefaultDeliveryLogs = TimeSpan.FromDays(30);

    public static RetentionOptions Read(IConfiguration configuration) =>
        new(DurationSetting.Read(configuration, DeliveryLogsKey, DefaultDeliveryLogs, minimum: TimeSpan.FromDays(1)));
}
