using System.Text.Json;
using NodaTime;
using SlaMonitor.Contracts;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Common;

/// <summary>
/// The integration feed's messages as outbox rows: added to the same save as the change they announce, published
/// after the commit by the outbox dispatcher. Nothing is published straight from a state change.
/// </summary>
public static class OutboxRows
{
    /// <summary>The contracts that go through the outbox, by the name stored with each row.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Types =
        new[] { typeof(PromiseStatusChanged), typeof(EscalationOpened), typeof(EscalationChanged) }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static OutboxMessage Of(PromiseStatusChanged message, Instant now) => Of(message, message.TicketRef, now);

    public static OutboxMessage Of(EscalationOpened message, Instant now) => Of(message, message.TicketRef, now);

    public static OutboxMessage Of(EscalationChanged message, Instant now) => Of(message, message.TicketRef, now);

    /// <summary>The message a row holds, as its contract type.</summary>
    public static object Message(OutboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Deserialize(row.Body, Types[row.Type])!;
    }

    private static OutboxMessage Of<T>(T message, string partitionKey, Instant now)
        where T : class => new()
    {
        MessageId = Guid.CreateVersion7(),
        Type = typeof(T).Name,
        PartitionKey = partitionKey,
        Body = JsonSerializer.Serialize(message),
        CreatedAt = now.ToDateTimeUtc(),
    };
}
