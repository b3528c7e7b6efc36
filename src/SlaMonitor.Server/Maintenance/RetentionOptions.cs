using SlaMonitor.Server.Hosting;

namespace SlaMonitor.Server.Maintenance;

/// <summary>Retention:DeliveryLogs — how long the carrier delivery log and the notification delivery log are kept.</summary>
public sealed record RetentionOptions(TimeSpan DeliveryLogs)
{
    public const string DeliveryLogsKey = "Retention:DeliveryLogs";
    public static readonly TimeSpan DefaultDeliveryLogs = TimeSpan.FromDays(30);

    public static RetentionOptions Read(IConfiguration configuration) =>
        new(DurationSetting.Read(configuration, DeliveryLogsKey, DefaultDeliveryLogs, minimum: TimeSpan.FromDays(1)));
}
