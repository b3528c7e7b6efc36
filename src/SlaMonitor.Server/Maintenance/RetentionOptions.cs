using System.Globalization;
using SlaMonitor.Server.Hosting;

namespace SlaMonitor.Server.Maintenance;

/// <summary>Retention:DeliveryLogs — how long the carrier delivery log and the notification delivery log are kept.</summary>
public sealed record RetentionOptions(TimeSpan DeliveryLogs)
{
    public const string DeliveryLogsKey = "Retention:DeliveryLogs";
    public static readonly TimeSpan DefaultDeliveryLogs = TimeSpan.FromDays(30);

    public static RetentionOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[DeliveryLogsKey];
        if (text is null)
        {
            return new RetentionOptions(DefaultDeliveryLogs);
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var keep) || keep < TimeSpan.FromDays(1))
        {
            throw new SettingsException($"{DeliveryLogsKey} must be a duration of at least one day such as 30.00:00:00, not '{text}'.");
        }

        return new RetentionOptions(keep);
    }
}
