using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Promises;

/// <summary>Events in occurredAt order; ties broken by carrier and event id so every node agrees.</summary>
public static class TimelineOrder
{
    public static int Compare(StoredEvent a, StoredEvent b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byCarrier = string.CompareOrdinal(a.CarrierCode, b.CarrierCode);
        return byCarrier != 0 ? byCarrier : string.CompareOrdinal(a.EventId, b.EventId);
    }
}
