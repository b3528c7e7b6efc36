using System.Text.Json;
using NodaTime;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Ingest.Webhooks;

namespace SlaMonitor.Server.Ingest.Webhooks.Formats;

/// <summary>SlaMonitor's own event contract: one event or <c>{ "events": [...] }</c>, signed with SlaMonitor-Signature.</summary>
public sealed class CanonicalFormat : ICarrierFormat
{
    public string Name => CarrierFormatNames.Canonical;

    public string SignatureRule(WebhookOptions options) =>
        $"{WebhookSignature.Header} is missing, malformed, older than {options.SignatureTolerance.TotalMinutes:0} minutes, or does not match the body.";

    public bool IsSigned(IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, Instant now, WebhookOptions options) =>
        WebhookSignature.Verify(headers[WebhookSignature.Header], secrets, body, now, Duration.FromTimeSpan(options.SignatureTolerance));

    public EventElements CanonicalEvents(ReadOnlyMemory<byte> body) => RequestBody.EventElements(body);
}
