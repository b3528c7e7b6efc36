using SlaMonitor.Server.Ingest.Partitions;

namespace SlaMonitor.Server.Tests;

/// <summary>Which queue a promise's events go to, and how the live workers share the queues (issue 19).</summary>
public sealed class IngestPartitionTests
{
    [Fact]
    public void A_key_maps_to_the_same_partition_in_every_process_and_version()
    {
        // XxHash3 of the key's UTF-8 bytes with seed 0, a fixed algorithm: these values must never change, or an api
        // of another version would send one promise's events to two queues.
        Assert.Equal(
            [7, 7, 7, 15],
            [IngestPartition.Of("TCK-1", 8), IngestPartition.Of("TCK-2", 8), IngestPartition.Of("1Z999AA10123456784", 8), IngestPartition.Of("1Z999AA10123456784", 32)]);
    }

    [Fact]
    public void Ten_thousand_ticket_keys_spread_evenly_over_eight_partitions()
    {
        var counts = Enumerable.Range(0, 10_000).Select(i => IngestPartition.Of($"TCK-{i:D6}", 8)).CountBy(p => p).ToDictionary();

        Assert.Equal(Enumerable.Range(0, 8), counts.Keys.Order());
        Assert.All(counts.Values, n => Assert.InRange(n, 1_150, 1_350)); // 1,250 each when perfectly even
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(11)]
    public void Every_partition_has_exactly_one_owner_among_workers_that_agree_on_who_is_alive(int workers)
    {
        var ids = Enumerable.Range(0, workers).Select(i => $"worker-{Guid.NewGuid():N}").ToList();

        var owned = ids.Select(id => IngestPartition.OwnedBy(id, ids, 8)).ToList();

        Assert.Equal(Enumerable.Range(0, 8), owned.SelectMany(o => o).Order());
        Assert.All(owned, o => Assert.InRange(o.Count, 8 / workers, (8 + workers - 1) / workers));
    }

    [Fact]
    public void A_worker_missing_from_the_live_list_counts_itself_in()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], IngestPartition.OwnedBy("alone", [], 8).Order());
        Assert.Equal([1, 3, 5, 7], IngestPartition.OwnedBy("b", ["a"], 8).Order());
    }
}
