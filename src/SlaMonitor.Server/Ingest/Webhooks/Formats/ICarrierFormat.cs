using System.Text.Json;
using NodaTime;
using SlaMonitor.Server.Ingest.Webhooks;

namespace SlaMonitor.Server.Ingest.Webhooks.Formats;

/// <summary>
/// How one partner format is signed and how its body becomes canonical events. Adding a
/// format (AfterShip, a customs broker's) is one new class registered in <see cref="CarrierFormats"/>.
/// </summary>
public interface ICarrierFormat
{
    /// <summary>The value of a carrier's <c>format</c>.</summary>
    string Name { get; }

    /// <summary>Why a request was refused as unsigned, for the 401 problem details.</summary>
    string SignatureRule(WebhookOptions options);

    bool IsSigned(IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, Instant now, WebhookOptions options);

    /// <summary>The canonical events (PRODUCT.md shape) in the body; throws <see cref="JsonException"/> when malformed.</summary>
    EventElements CanonicalEvents(ReadOnlyMemory<byte> body);
}
