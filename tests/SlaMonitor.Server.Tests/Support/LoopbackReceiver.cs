using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SlaMonitor.Server.Tests.Support;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 for alert webhooks: answers 200 and keeps each body, or (<c>hang: true</c>)
/// accepts connections and never answers, like a customer endpoint that is down behind a load balancer.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly HttpListener? _http;
    private readonly TcpListener? _tcp;
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LoopbackReceiver(int port, bool hang)
    {
        Port = port;
        if (hang)
        {
            _tcp = new TcpListener(IPAddress.Loopback, port);
            _tcp.Start();
            _loop = HoldAsync();
        }
        else
        {
            _http = new HttpListener();
            _http.Prefixes.Add($"http://127.0.0.1:{port}/");
            _http.Start();
            _loop = AnswerAsync();
        }
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/alerts");

    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>On a free port; another test taking the port between the probe and the bind only means another try.</summary>
    public static LoopbackReceiver Start(bool hang = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new LoopbackReceiver(FreePort(), hang);
            }
            catch (Exception e) when (attempt < 5 && e is HttpListenerException or SocketException)
            {
            }
        }
    }

    /// <summary>A loopback port nothing listens on: a connection to it is refused at once.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AnswerAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _http!.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            Bodies.Enqueue(await reader.ReadToEndAsync());
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private async Task HoldAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _tcp!.AcceptTcpClientAsync(_stop.Token);
                lock (_held)
                {
                    _held.Add(client);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _http?.Close();
        _tcp?.Stop();
        await _loop;
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }
}
