namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// A bus message saved in the same transaction as the state change that caused it, published by the outbox
/// dispatcher after the commit and deleted once the broker has it (eShop's IntegrationEventLog, in plain EF).
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Saving order: messages are published in it, per <see cref="PartitionKey"/>.</summary>
    public long Id { get; set; }

    /// <summary>The MassTransit MessageId, the same on every publication of this message: receivers deduplicate by it.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The contract's type name (e.g. PromiseStatusChanged).</summary>
    public required string Type { get; set; }

    /// <summary>The promise the message is about: one promise's messages are published one after another, in order.</summary>
    public required string PartitionKey { get; set; }

    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Claimed by a dispatcher until then; a dead dispatcher's claim comes due again.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public Guid? Claim { get; set; }
}
