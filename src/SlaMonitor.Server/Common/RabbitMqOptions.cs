using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Common;

/// <summary>Settings under <c>Messaging:RabbitMq</c>, validated by <see cref="MessagingOptions"/> when the transport is RabbitMq.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "Messaging:RabbitMq";

    [Required(ErrorMessage = "Messaging:RabbitMq:Host is required when Messaging:Transport is RabbitMq.")]
    public string Host { get; set; } = "";

    [Range(1, 65535, ErrorMessage = "Messaging:RabbitMq:Port must be a TCP port (1 to 65535).")]
    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
