using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SlaMonitor.Client;

/// <summary>
/// The <c>SlaMonitor-Signature</c> scheme, both ways: <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> with
/// v1 = HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;"), one v1 per secret while a secret rotates.
/// A partner signs the events it posts with its carrier secret; a customer verifies the alerts SlaMonitor posts to its
/// alert webhook with its alert secret. Sign exactly the bytes that are sent.
/// </summary>
public static class WebhookSigner
{
    public const string Header = "SlaMonitor-Signature";

    /// <summary>How far the signed time may lie from the receiver's clock, as SlaMonitor accepts it.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The header value for <paramref name="body"/> signed now (or at <paramref name="at"/>).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body, DateTimeOffset? at = null) =>
        Sign([secret], (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(), body);

    /// <summary>One v1 per secret, in order: while a secret rotates the receiver accepts either.</summary>
    public static string Sign(IEnumerable<string> secrets, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var header = new StringBuilder("t=").Append(timestamp.ToString(CultureInfo.InvariantCulture));
        var signed = 0;
        foreach (var secret in secrets)
        {
            header.Append(",v1=").Append(Convert.ToHexStringLower(Compute(secret, timestamp, body)));
            signed++;
        }

        return signed > 0 ? header.ToString() : throw new ArgumentException("At least one secret is needed to sign.", nameof(secrets));
    }

    /// <summary>
    /// True when <paramref name="header"/> carries a v1 of <paramref name="body"/> under one of <paramref name="secrets"/>
    /// (your current and, while rotating, previous one) and its time lies within <see cref="Tolerance"/> of
    /// <paramref name="now"/> (a replayed old request fails). Compare in constant time, as here.
    /// </summary>
    public static bool Verify(string? header, ReadOnlySpan<byte> body, IEnumerable<string> secrets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (!TryParse(header, out var timestamp, out var signatures) || Math.Abs((double)now.ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds)
        {
            return false;
        }

        foreach (var secret in secrets)
        {
            var expected = Compute(secret, timestamp, body);
            if (signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, s)))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryParse(string? header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        var hasTimestamp = false;
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = separator > 0 ? (part[..separator], part[(separator + 1)..]) : (part, "");
            if (key == "t")
            {
                hasTimestamp = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
            }
            else if (key == "v1" && value.Length == 64 && value.All(Uri.IsHexDigit))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }

        return hasTimestamp && signatures.Count > 0;
    }
}
