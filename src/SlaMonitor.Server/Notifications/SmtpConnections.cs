using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// Connected SMTP clients kept between sends, so a batch of emails goes over one connection instead of one each.
/// A client serves one send at a time (taken from the pool, put back after). There is no size limit: there are never
/// more connections than sends at once, and the alert dispatcher bounds those (Notifications:Alerts:Parallelism,
/// plus the daily digest); lower that for a server that caps connections per client, or set
/// Notifications:Smtp:IdleTimeout to 0 to connect for every email. A connection idle longer than IdleTimeout is
/// closed (servers drop idle ones anyway, after 5 minutes in Postfix); all are closed when the host stops.
/// </summary>
public sealed partial class SmtpConnections : IAsyncDisposable
{
    private readonly SmtpOptions _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<SmtpConnections> _logger;
    private readonly Stack<PooledSmtpClient> _idle = new();
    private readonly ITimer? _sweep;
    private bool _disposed;

    public SmtpConnections(IOptions<SmtpOptions> options, ILogger<SmtpConnections> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        if (_settings.IdleTimeout > TimeSpan.Zero)
        {
            var every = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, _settings.IdleTimeout.Ticks / 6));
            _sweep = _time.CreateTimer(_ => CloseIdle(olderThan: _settings.IdleTimeout), null, every, every);
        }
    }

    /// <summary>
    /// Sends on an idle connection, else a new one. A reused connection that turns out closed by the server before
    /// it took the message is dropped, and the message sent once more on a new connection.
    /// </summary>
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var (client, reused) = TakeIdle() is { } idle ? (idle, true) : (await ConnectAsync(ct), false);
        try
        {
            await SendOnAsync(client, message, ct);
        }
        catch (Exception e) when (reused && client.LostBeforeSending(e))
        {
            LogReconnecting(_logger, e.GetType().Name, e.Message);
            await SendOnAsync(await ConnectAsync(ct), message, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_idle)
        {
            _disposed = true;
        }

        if (_sweep is not null)
        {
            await _sweep.DisposeAsync();
        }

        await Task.WhenAll(CloseIdle(olderThan: TimeSpan.Zero));
    }

    /// <summary>Puts the client back after a good send; drops it after any failure, whose state nobody knows.</summary>
    private async Task SendOnAsync(PooledSmtpClient client, MimeMessage message, CancellationToken ct)
    {
        try
        {
            await client.SendOneAsync(message, ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        client.IdleSince = _time.GetUtcNow();
        lock (_idle)
        {
            if (!_disposed && _settings.IdleTimeout > TimeSpan.Zero)
            {
                _idle.Push(client);
                return;
            }
        }

        _ = QuitAsync(client);
    }

    /// <summary>The most recently used one, so the others stay idle and are closed: the pool shrinks to what the load needs.</summary>
    private PooledSmtpClient? TakeIdle()
    {
        var stale = new List<PooledSmtpClient>();
        PooledSmtpClient? taken = null;
        lock (_idle)
        {
            while (taken is null && _idle.TryPop(out var client))
            {
                if (client.IsConnected && _time.GetUtcNow() - client.IdleSince < _settings.IdleTimeout)
                {
                    taken = client;
                }
                else
                {
                    stale.Add(client);
                }
            }
        }

        stale.ForEach(c => _ = QuitAsync(c));
        return taken;
    }

    private async Task<PooledSmtpClient> ConnectAsync(CancellationToken ct)
    {
        var client = new PooledSmtpClient();
        try
        {
            await client.ConnectAsync(_settings.Host ?? throw new InvalidOperationException($"{SmtpOptions.Section}:Host is not set"), _settings.Port, Enum.Parse<SecureSocketOptions>(_settings.Security, ignoreCase: true), ct);
            if (_settings.Username is not null)
            {
                await client.AuthenticateAsync(_settings.Username, _settings.Password ?? "", ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private Task[] CloseIdle(TimeSpan olderThan)
    {
        var now = _time.GetUtcNow();
        List<PooledSmtpClient> old;
        lock (_idle)
        {
            old = _idle.Where(c => now - c.IdleSince >= olderThan).ToList();
            var keep = _idle.Except(old).Reverse().ToList();
            _idle.Clear();
            keep.ForEach(_idle.Push);
        }

        return old.Select(QuitAsync).ToArray();
    }

    private async Task QuitAsync(PooledSmtpClient client)
    {
        try
        {
            using var quickly = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, quickly.Token);
            }
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
        {
            // Closing anyway: the server may have dropped it first.
        }
        finally
        {
            client.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The SMTP server had closed the reused connection ({Error}: {Detail}); sending on a new one")]
    private static partial void LogReconnecting(ILogger logger, string error, string detail);
}
