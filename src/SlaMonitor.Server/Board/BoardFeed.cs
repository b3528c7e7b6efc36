using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;

namespace SlaMonitor.Server.Board;

/// <summary>
/// Sends the board what changed. Every <see cref="Interval"/> it reads the promises whose UpdatedAt moved past its
/// cursor (the database is the shared truth, so this works the same when workers run in other processes, and costs
/// no bus traffic per event) and broadcasts only rows with a revision it has not sent yet: to group "all" and to
/// the group of the row's customer (account managers join only their customers' groups). A new subscriber gets
/// its snapshot from this same loop, after the diffs of that tick, so no change falls between snapshot and diffs.
/// Escalations travel the same way ("escalations" messages), read from their own UpdatedAt.
/// </summary>
public sealed class BoardFeed(IServiceScopeFactory scopes, IHubContext<BoardHub> hub, IClock clock, ILogger<BoardFeed> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>A change whose transaction commits up to this long after its UpdatedAt (slow commit, clocks of workers apart) is still seen.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromSeconds(10);

    public const string AllGroup = "all";
    private const int ChunkSize = 1000;

    private readonly Channel<SnapshotRequest> _requests = Channel.CreateUnbounded<SnapshotRequest>();
    private readonly Dictionary<string, (int Revision, DateTime UpdatedAt)> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (int Revision, DateTime UpdatedAt)> _sentEscalations = [];
    private DateTime? _cursor;
    private DateTime? _escalationCursor;
    private int _connections;

    private sealed record SnapshotRequest(string ConnectionId, CustomerScope Scope);

    public static string CustomerGroup(string customer) => "customer:" + customer;

    public void RequestSnapshot(string connectionId, CustomerScope scope) => _requests.Writer.TryWrite(new SnapshotRequest(connectionId, scope));

    public void Connected() => Interlocked.Increment(ref _connections);

    public void Disconnected() => Interlocked.Decrement(ref _connections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Board feed could not read changes; the next tick retries");
            }
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _connections) <= 0 && !_requests.Reader.TryPeek(out _))
        {
            // Nobody watches: stop reading; the next subscriber starts from a fresh snapshot.
            _cursor = null;
            _sent.Clear();
            _escalationCursor = null;
            _sentEscalations.Clear();
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        await BroadcastChangesAsync(db, ct);
        await BroadcastEscalationsAsync(db, ct);
        await SendSnapshotsAsync(db, ct);
    }

    private async Task BroadcastChangesAsync(SlaDbContext db, CancellationToken ct)
    {
        _cursor ??= await BoardRows.LatestUpdateAsync(db, ct) ?? DateTime.UnixEpoch;
        var since = _cursor.Value - Lookback;
        var versions = await BoardRows.VersionsSinceAsync(db, since, ct);
        var unsent = versions.Where(v => !_sent.TryGetValue(v.TicketRef, out var sent) || sent.Revision != v.Revision || sent.UpdatedAt != v.UpdatedAt)
            .Select(v => v.TicketRef).ToList();
        var fresh = new List<BoardRow>();
        foreach (var tickets in unsent.Chunk(ChunkSize))
        {
            foreach (var (row, updatedAt) in await BoardRows.RowsAsync(db, tickets, ct))
            {
                fresh.Add(row);
                _sent[row.Promise.TicketRef] = (row.Revision, updatedAt);
                _cursor = updatedAt > _cursor ? updatedAt : _cursor;
            }
        }

        var forgetBefore = _cursor.Value - Lookback;
        foreach (var ticketRef in _sent.Where(s => s.Value.UpdatedAt < forgetBefore).Select(s => s.Key).ToList())
        {
            _sent.Remove(ticketRef);
        }

        foreach (var chunk in fresh.Chunk(ChunkSize))
        {
            await hub.Clients.Group(AllGroup).SendAsync("changes", chunk, ct);
            foreach (var byCustomer in chunk.GroupBy(r => r.Promise.Customer))
            {
                await hub.Clients.Group(CustomerGroup(byCustomer.Key)).SendAsync("changes", byCustomer.ToList(), ct);
            }
        }
    }

    private async Task BroadcastEscalationsAsync(SlaDbContext db, CancellationToken ct)
    {
        _escalationCursor ??= await BoardEscalations.LatestUpdateAsync(db, ct) ?? DateTime.UnixEpoch;
        var versions = await BoardEscalations.VersionsSinceAsync(db, _escalationCursor.Value - Lookback, ct);
        var unsent = versions.Where(v => !_sentEscalations.TryGetValue(v.Id, out var sent) || sent.Revision != v.Revision || sent.UpdatedAt != v.UpdatedAt)
            .Select(v => v.Id).ToList();
        var fresh = new List<BoardEscalation>();
        foreach (var ids in unsent.Chunk(ChunkSize))
        {
            foreach (var (item, updatedAt) in await BoardEscalations.ByIdAsync(db, ids, clock.GetCurrentInstant(), ct))
            {
                fresh.Add(item);
                _sentEscalations[item.Escalation.Id] = (item.Revision, updatedAt);
                _escalationCursor = updatedAt > _escalationCursor ? updatedAt : _escalationCursor;
            }
        }

        var forgetBefore = _escalationCursor.Value - Lookback;
        foreach (var id in _sentEscalations.Where(s => s.Value.UpdatedAt < forgetBefore).Select(s => s.Key).ToList())
        {
            _sentEscalations.Remove(id);
        }

        foreach (var chunk in fresh.Chunk(ChunkSize))
        {
            await hub.Clients.Group(AllGroup).SendAsync("escalations", new EscalationBatch(chunk, false), ct);
            foreach (var byCustomer in chunk.GroupBy(e => e.Escalation.Customer))
            {
                await hub.Clients.Group(CustomerGroup(byCustomer.Key)).SendAsync("escalations", new EscalationBatch(byCustomer.ToList(), false), ct);
            }
        }
    }

    private async Task SendSnapshotsAsync(SlaDbContext db, CancellationToken ct)
    {
        var pending = new List<SnapshotRequest>();
        while (_requests.Reader.TryRead(out var request))
        {
            pending.Add(request);
        }

        if (pending.Count == 0)
        {
            return;
        }

        var open = await BoardRows.OpenAsync(db, ct);
        var escalations = await BoardEscalations.UnresolvedAsync(db, clock.GetCurrentInstant(), ct);
        foreach (var (connectionId, scope) in pending)
        {
            var client = hub.Clients.Client(connectionId);
            var rows = scope.IsRestricted ? open.Where(r => scope.Allows(r.Promise.Customer)).ToList() : open;
            var chunks = rows.Chunk(ChunkSize).ToList();
            for (var i = 0; i < Math.Max(1, chunks.Count); i++)
            {
                await client.SendAsync("snapshot", new SnapshotChunk(chunks.Count == 0 ? [] : chunks[i], i == 0, i >= chunks.Count - 1), ct);
            }

            var queue = scope.IsRestricted ? escalations.Where(e => scope.Allows(e.Escalation.Customer)).ToList() : escalations;
            await client.SendAsync("escalations", new EscalationBatch(queue, true), ct);

            foreach (var group in scope.Customers?.Select(CustomerGroup) ?? [AllGroup])
            {
                await hub.Groups.AddToGroupAsync(connectionId, group, ct);
            }
        }
    }
}
