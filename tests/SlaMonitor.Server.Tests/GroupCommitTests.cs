using System.Collections.Concurrent;
using SlaMonitor.Server.Common;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

public sealed class GroupCommitTests
{
    private static readonly string[] FourItems = ["a", "b", "c", "d"];
    private readonly ConcurrentQueue<string[]> _batches = new();
    private readonly TaskCompletionSource _firstBatchMayFinish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Items_handed_in_while_a_batch_runs_are_handled_together_in_the_next()
    {
        await using var commit = new GroupCommit<string>(100, TimeSpan.Zero, HandleAsync, (_, _) => { });

        var first = commit.SubmitAsync("first");
        await Eventually.UntilAsync(() => Task.FromResult(_batches.Count), n => n == 1, "the first batch to start");
        var waiting = FourItems.Select(commit.SubmitAsync).ToList();
        _firstBatchMayFinish.SetResult();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([["first"], ["a", "b", "c", "d"]], _batches.ToArray());
    }

    [Fact]
    public async Task A_batch_never_holds_more_than_its_maximum()
    {
        await using var commit = new GroupCommit<string>(2, TimeSpan.Zero, HandleAsync, (_, _) => { });

        var first = commit.SubmitAsync("first");
        await Eventually.UntilAsync(() => Task.FromResult(_batches.Count), n => n == 1, "the first batch to start");
        var waiting = FourItems.Take(3).Select(commit.SubmitAsync).ToList();
        _firstBatchMayFinish.SetResult();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([["first"], ["a", "b"], ["c"]], _batches.ToArray());
    }

    [Fact]
    public async Task With_a_linger_an_item_handed_in_just_after_the_first_joins_its_batch()
    {
        _firstBatchMayFinish.SetResult();
        await using var commit = new GroupCommit<string>(100, TimeSpan.FromSeconds(1), HandleAsync, (_, _) => { });

        await Task.WhenAll(commit.SubmitAsync("a"), commit.SubmitAsync("b"));

        Assert.Equal([["a", "b"]], _batches.ToArray());
    }

    [Fact]
    public async Task A_failing_item_fails_only_its_own_caller()
    {
        var failedBatches = 0;
        await using var commit = new GroupCommit<string>(100, TimeSpan.Zero, HandleAsync, (_, _) => failedBatches++);

        var first = commit.SubmitAsync("first");
        await Eventually.UntilAsync(() => Task.FromResult(_batches.Count), n => n == 1, "the first batch to start");
        var good = commit.SubmitAsync("good");
        var bad = commit.SubmitAsync("bad");
        var other = commit.SubmitAsync("other");
        _firstBatchMayFinish.SetResult();

        await Task.WhenAll(first, good, other);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("bad item", failure.Message);
        Assert.Equal(1, failedBatches);
        Assert.Equal([["first"], ["good", "bad", "other"], ["good"], ["bad"], ["other"]], _batches.ToArray());
    }

    private async Task HandleAsync(IReadOnlyList<string> items)
    {
        _batches.Enqueue([.. items]);
        if (items.Contains("first"))
        {
            await _firstBatchMayFinish.Task;
        }

        if (items.Contains("bad"))
        {
            throw new InvalidOperationException("bad item");
        }
    }
}
