using System.Net;
using System.Net.Sockets;

namespace SlaMonitor.Tests.Shared;

/// <summary>
/// A TCP endpoint on 127.0.0.1 that accepts every connection and never sends or answers anything, like a customer
/// endpoint or a mail server that is down behind a load balancer: an HTTP request or an SMTP greeting waits on it
/// until the client gives up or is cancelled. <see cref="Connections"/> counts the connections it holds.
/// </summary>
public sealed class HangingEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private HangingEndpoint()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = HoldAsync();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>An alert webhook URL on this endpoint.</summary>
    public Uri Url => new($"http://{Host}:{Port}/alerts");

    /// <summary>The <c>host:port</c> to list in <c>Notifications:Webhook:AllowedTargets</c>.</summary>
    public string Target => $"{Host}:{Port}";

    public int Connections
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    public static HangingEndpoint Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task HoldAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_held)
                {
                    _held.Add(client);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
