using System.Security.Cryptography;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>
/// The alert an escalation change queues, saved with the change: one for a ladder level that tells people
/// (<c>accountManager</c>, <c>dutyManager</c>); none for <c>board</c>, which the bus message and the board cover.
/// </summary>
public static class AlertRows
{
    public const string AccountManager = "accountManager";
    public const string DutyManager = "dutyManager";

    /// <summary>The alert to save with the change, and the escalation marked as having one pending; null when nobody is told.</summary>
    public static Alert? For(Escalation escalation, string? notify, Instant now)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (notify is not (AccountManager or DutyManager))
        {
            return null;
        }

        escalation.AlertState = AlertStates.Pending;
        return new Alert
        {
            Id = IdOf(escalation.Id, escalation.NotifyAttempts),
            EscalationId = escalation.Id,
            Level = escalation.Level,
            Notify = notify,
            Destination = escalation.CustomerCode,
            State = AlertStates.Pending,
            NextAttemptAt = now.ToDateTimeUtc(),
            CreatedAt = now.ToDateTimeUtc(),
        };
    }

    /// <summary>
    /// The same for the same escalation telling for the same time (its n-th notification), so a change redone after
    /// a crash or a lost race cannot queue a second alert: the key refuses it.
    /// </summary>
    public static Guid IdOf(Guid escalationId, int notification)
    {
        Span<byte> input = stackalloc byte[20];
        escalationId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], notification);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: a name-based id of our own
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
