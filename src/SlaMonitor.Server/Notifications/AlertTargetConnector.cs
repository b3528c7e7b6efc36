using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of outbound alerts: resolves the name itself and checks each
/// address it is about to connect to against the <see cref="AlertTargetPolicy"/>, so a name that resolves (or is
/// re-pointed) to an internal address is refused where the connection is made, not where the URL was read.
/// </summary>
public sealed class AlertTargetConnector(AlertTargetPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        string? refused = null;
        ExceptionDispatchInfo? failed = null;
        foreach (var address in addresses)
        {
            if (policy.RefuseAddress(address, host, port) is { } why)
            {
                refused ??= why;
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failed = ExceptionDispatchInfo.Capture(e);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        failed?.Throw();
        throw refused is null ? new SocketException((int)SocketError.HostNotFound) : new AlertTargetRefusedException(refused);
    }
}
