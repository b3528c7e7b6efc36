using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Common;

/// <summary>Settings under <c>Messaging</c>: the transport between api and worker.</summary>
public sealed class MessagingOptions : IValidatableObject
{
    public const string Section = "Messaging";

    [EnumDataType(typeof(MessagingTransport), ErrorMessage = "Messaging:Transport must be InMemory or RabbitMq.")]
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>Prefix for queue names (several installations on one broker).</summary>
    public string EndpointPrefix { get; set; } = "";

    /// <summary>How long the webhook waits for the broker to confirm its messages before it answers 503 (nothing accepted).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Messaging:ConfirmTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// MassTransit's anonymous usage report to its makers' server, off unless turned on here: an on-premises monitor does
    /// not phone home (and offline, every start logged the failed attempt).
    /// </summary>
    public bool UsageTelemetry { get; set; }

    /// <summary>Read only with the RabbitMq transport.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    public string RecordEventsQueue => EndpointPrefix + "record-carrier-events";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport != MessagingTransport.RabbitMq)
        {
            return [];
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(RabbitMq, new ValidationContext(RabbitMq), results, validateAllProperties: true);
        return results;
    }
}
