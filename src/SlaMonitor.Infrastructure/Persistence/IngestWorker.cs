namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// A worker process taking part in partitioned ingest, with the last instant it said it was alive. The live workers,
/// ordered by id, share the ingest partitions among themselves (<c>IngestPartitionOwner</c> in the server).
/// </summary>
public sealed class IngestWorker
{
    public required string Id { get; set; }
    public DateTime SeenAt { get; set; }
}
