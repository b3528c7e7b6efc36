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

    /// <summary>
    /// Ingest queues (RabbitMq only; the in-memory transport has one). Events go to the queue of their promise's key,
    /// each queue has one active consumer, and the live workers share the queues: a promise's events are applied by one
    /// worker at a time, so a second worker adds throughput instead of racing the first for the same promises.
    /// Fixed per deployment (docs/scaling.md, "Partitioning"); 1 = one queue with competing consumers.
    /// </summary>
    [Range(1, 256, ErrorMessage = "Messaging:IngestPartitions must be a whole number from 1 to 256.")]
    public int IngestPartitions { get; set; } = 8;

    /// <summary>How often a worker says it is alive and re-reads who shares the ingest queues; a worker silent for three
    /// of these is taken as gone and its queues are taken over.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Messaging:WorkerHeartbeat must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan WorkerHeartbeat { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The single ingest queue of the in-memory transport, and of RabbitMq with one partition.</summary>
    public string RecordEventsQueue => EndpointPrefix + "record-carrier-events";

    /// <summary>Whether events are spread over several single-consumer queues (<see cref="IngestPartitions"/>).</summary>
    public bool PartitionsIngest => Transport == MessagingTransport.RabbitMq && IngestPartitions > 1;

    public string PartitionQueue(int partition) => $"{RecordEventsQueue}-p{partition}";

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
