using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SlaMonitor.Server.Auth;

namespace SlaMonitor.Server.Board;

/// <summary>
/// The board's live connection. A client calls <see cref="Subscribe"/>; the feed then sends it a snapshot of the
/// open promises it may see ("snapshot" messages) and from then on only the rows that changed ("changes").
/// </summary>
[Authorize(Policy = Roles.ReaderPolicy)]
public sealed class BoardHub(BoardFeed feed) : Hub
{
    public const string Path = "/board/hub";

    public Task Subscribe()
    {
        feed.RequestSnapshot(Context.ConnectionId, CustomerScope.Of(Context.User!));
        return Task.CompletedTask;
    }

    public override Task OnConnectedAsync()
    {
        feed.Connected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.Disconnected();
        return base.OnDisconnectedAsync(exception);
    }
}
