using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace SlaMonitor.Server.Common;

/// <summary>
/// <c>SlaMonitor-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> with
/// v1 = HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;"). Several v1 entries may be sent.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "SlaMonitor-Signature";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) => Sign([secret], timestamp, body);

    /// <summary>One v1 value per secret, in order: while a secret rotates, the receiver verifies with either.</summary>
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

    public static bool Verify(string? header, IEnumerable<string> secrets, ReadOnlySpan<byte> body, Instant now, Duration tolerance)
    {
        if (!TryParse(header, out var timestamp, out var signatures))
        {
            return false;
        }

        // In doubles: a timestamp near long's edges is out of NodaTime's range (and would overflow a subtraction).
        if (Math.Abs((double)now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        foreach (var secret in secrets)
        {
            var expected = Compute(secret, timestamp, body);
            foreach (var signature in signatures)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, signature))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static byte[] Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        // Incremental, so a large body is not copied behind its prefix once per secret tried.
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryParse(string? header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        var hasTimestamp = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var i and > 0 ? (part[..i], part[(i + 1)..]) : (part, "");
            if (key == "t")
            {
                hasTimestamp = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
            }
            else if (key == "v1" && value.Length == 64 && IsHex(value))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }

        return hasTimestamp && signatures.Count > 0;
    }

    private static bool IsHex(string value) => value.All(Uri.IsHexDigit);
}
