using System.Net;
using System.Net.Sockets;

namespace SlaMonitor.Server.Common;

/// <summary>The client a request comes from, as a limiter key (after the forwarded-headers middleware, when configured).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        // One IPv6 subscriber usually holds a whole /64: counting single addresses would give it 2^64 allowances.
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
