namespace SlaMonitor.IntegrationTests.Support;

/// <summary>Where the broker listens, in the shape of the Messaging:RabbitMq settings.</summary>
public sealed record RabbitMqServer(string Host, int Port, string VirtualHost, string Username, string Password)
{
    /// <summary>Reads <c>amqp://user:password@host:port/vhost</c> (an empty vhost is "/").</summary>
    public static RabbitMqServer Parse(string uri)
    {
        var amqp = new Uri(uri);
        var credentials = amqp.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/'));
        return new RabbitMqServer(
            amqp.Host,
            amqp.IsDefaultPort || amqp.Port < 0 ? 5672 : amqp.Port,
            vhost.Length == 0 ? "/" : vhost,
            Uri.UnescapeDataString(credentials[0]),
            credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
    }
}
