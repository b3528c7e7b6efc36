using System.IO.Hashing;
using System.Text;

namespace SlaMonitor.Server.Ingest.Partitions;

/// <summary>
/// Which ingest queue a promise's events go to, and which queues a worker consumes. The key's hash is XxHash3 (fixed
/// by its specification, unlike string.GetHashCode, which differs per process), so every api process sends one
/// promise's events to the same queue.
/// </summary>
public static class IngestPartition
{
    public static int Of(string partitionKey, int partitions) =>
        (int)(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(partitionKey)) % (ulong)partitions);

    /// <summary>
    /// The partitions <paramref name="self"/> owns among the live workers: ordered by id, worker i of n takes every
    /// partition p with p mod n = i, so each partition has exactly one owner whenever the workers agree on who is alive.
    /// </summary>
    public static IReadOnlySet<int> OwnedBy(string self, IEnumerable<string> liveWorkers, int partitions)
    {
        var workers = liveWorkers.Append(self).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = workers.IndexOf(self);
        return Enumerable.Range(0, partitions).Where(p => p % workers.Count == index).ToHashSet();
    }
}
