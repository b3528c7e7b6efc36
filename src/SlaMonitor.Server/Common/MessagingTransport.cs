namespace SlaMonitor.Server.Common;

public enum MessagingTransport
{
    InMemory,
    RabbitMq,
}
