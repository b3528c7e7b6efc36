namespace SlaMonitor.Server.Common;

public enum MessagingTransport
{
    InMemory,
    RabbitMq,
}

public sealed record RabbitMqSettings(string Host, ushort Port, string VirtualHost, string Username, string Password);

public sealed record MessagingSettings(MessagingTransport Transport, string EndpointPrefix, RabbitMqSettings? RabbitMq)
{
    public const string Section = "Messaging";

    public string RecordEventsQueue => EndpointPrefix + "record-carrier-events";

    public static MessagingSettings Read(IConfiguration configuration, ServerRole role)
    {
        var section = configuration.GetSection(Section);
        var transportName = section["Transport"] ?? nameof(MessagingTransport.InMemory);
        if (!Enum.TryParse<MessagingTransport>(transportName, ignoreCase: true, out var transport)
            || int.TryParse(transportName, out _))
        {
            throw new SettingsException($"Messaging:Transport must be InMemory or RabbitMq, not '{transportName}'.");
        }

        if (transport == MessagingTransport.InMemory && !role.IsAll)
        {
            throw new SettingsException(
                "Messaging:Transport InMemory only works with --role all: api and worker processes must share a broker (use RabbitMq).");
        }

        var prefix = section["EndpointPrefix"] ?? "";
        return new MessagingSettings(transport, prefix, transport == MessagingTransport.RabbitMq ? ReadRabbit(section.GetSection("RabbitMq")) : null);
    }

    private static RabbitMqSettings ReadRabbit(IConfigurationSection rabbit)
    {
        var host = rabbit["Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new SettingsException("Messaging:RabbitMq:Host is required when Messaging:Transport is RabbitMq.");
        }

        var portText = rabbit["Port"] ?? "5672";
        if (!ushort.TryParse(portText, out var port) || port == 0)
        {
            throw new SettingsException($"Messaging:RabbitMq:Port must be a TCP port, not '{portText}'.");
        }

        return new RabbitMqSettings(host, port, rabbit["VirtualHost"] ?? "/", rabbit["Username"] ?? "guest", rabbit["Password"] ?? "guest");
    }
}
