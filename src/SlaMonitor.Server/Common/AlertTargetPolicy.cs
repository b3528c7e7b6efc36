using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SlaMonitor.Server.Common;

/// <summary>
/// Where outbound alerts may go, so a customer's alertWebhook cannot reach into our own network: https only outside
/// Development, and no connection to a loopback, private, link-local or unspecified address unless the URL's
/// host:port (or the address:port connected to) is listed in <c>Notifications:Webhook:AllowedTargets</c>; listed
/// targets may use http too. Checked at <c>PUT /customers</c> (the URL) and when connecting (the address).
/// </summary>
public sealed class AlertTargetPolicy
{
    public const string AllowedTargetsKey = "Notifications:Webhook:AllowedTargets";

    private readonly HashSet<(string Host, int Port)> _names = [];
    private readonly HashSet<(IPAddress Address, int Port)> _addresses = [];
    private readonly bool _httpAnywhere;

    /// <param name="allowedTargets"><c>host:port</c> entries (a name, an IPv4 address or a bracketed IPv6 address).</param>
    /// <param name="development">In Development any URL may use http (the address rule still holds).</param>
    public AlertTargetPolicy(IEnumerable<string> allowedTargets, bool development)
    {
        ArgumentNullException.ThrowIfNull(allowedTargets);
        foreach (var entry in allowedTargets)
        {
            if (!TryParseTarget(entry, out var host, out var port))
            {
                throw new ArgumentException($"'{entry}' is not a host:port.", nameof(allowedTargets));
            }

            if (IPAddress.TryParse(host, out var address))
            {
                _addresses.Add((Normal(address), port));
            }
            else
            {
                _names.Add((host.TrimEnd('.').ToUpperInvariant(), port));
            }
        }

        _httpAnywhere = development;
    }

    /// <summary>Reads <c>host:port</c>, <c>10.0.0.5:8080</c> or <c>[::1]:8080</c>; the host comes back without brackets.</summary>
    public static bool TryParseTarget(string? entry, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = entry?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !int.TryParse(entry![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        host = entry[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
            return IPAddress.TryParse(host, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return !host.Contains(':', StringComparison.Ordinal) && Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }

    /// <summary>Null when alerts may be posted to <paramref name="url"/>; otherwise why not.</summary>
    public string? RefuseUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute http(s) URL.";
        }

        return url.Scheme == Uri.UriSchemeHttp && !_httpAnywhere && !IsListed(url.Host, url.Port)
            ? $"must be https outside Development (http only for a host:port listed in {AllowedTargetsKey})."
            : null;
    }

    /// <summary>Null when a connection to <paramref name="address"/> for the URL's <paramref name="host"/>:<paramref name="port"/> may be made; otherwise why not.</summary>
    public string? RefuseAddress(IPAddress address, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Restriction(address) is not { } kind || IsListed(host, port) || _addresses.Contains((Normal(address), port)))
        {
            return null;
        }

        return $"Refused to connect to {address} for {host}:{port}: a {kind} address, and neither is listed in {AllowedTargetsKey}.";
    }

    /// <summary>"loopback", "private", "link-local" or "unspecified" for an address alerts may not reach unlisted; null for any other.</summary>
    public static string? Restriction(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address = Normal(address);
        address.TryWriteBytes(bytes, out var length);
        if (length == 4)
        {
            return Restriction4(bytes[..4]);
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 address a router may reach.
        if (bytes[..12].IndexOfAnyExcept((byte)0) < 0 || bytes[..12].SequenceEqual(Nat64Prefix))
        {
            return Restriction4(bytes[12..]);
        }

        return bytes switch
        {
            [>= 0xFC and <= 0xFD, ..] => "private",
            [0xFE, >= 0x80 and <= 0xBF, ..] => "link-local",
            [0xFE, >= 0xC0, ..] => "private", // site-local: deprecated, still routed by some networks
            _ => null,
        };
    }

    private static ReadOnlySpan<byte> Nat64Prefix => [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0];

    private static string? Restriction4(ReadOnlySpan<byte> ip) => ip switch
    {
        [127, ..] => "loopback",
        [0, ..] => "unspecified",
        [10, ..] => "private",
        [172, >= 16 and <= 31, ..] => "private",
        [192, 168, ..] => "private",
        [169, 254, ..] => "link-local",
        _ => null,
    };

    private bool IsListed(string host, int port)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address)
            ? _addresses.Contains((Normal(address), port))
            : _names.Contains((bare.TrimEnd('.').ToUpperInvariant(), port));
    }

    private static IPAddress Normal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        // A scope id (fe80::1%eth0) does not change which host is meant.
        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
    }
}
