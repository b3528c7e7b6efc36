using System.Text.Json;

namespace SlaMonitor.Server.Ingest.Webhooks;

public static class RequestBody
{
    /// <summary>
    /// The raw body (the signature covers its exact bytes) in a pooled buffer, or null when it exceeds the limit.
    /// Pooled because a 1,000-event body is ~200 KB: as a fresh array each request allocated on the large-object
    /// heap, which the garbage collector only reclaims in full collections (docs/benchmarks.md).
    /// </summary>
    public static async Task<PooledBody?> ReadLimited(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        PooledBody? body = new(request.ContentLength is { } length ? (int)length + 1 : 16 * 1024);
        try
        {
            while (await body.ReadFromAsync(request.Body, ct))
            {
                if (body.Bytes.Length > maxBytes)
                {
                    return null;
                }
            }

            (var whole, body) = (body, null); // the caller owns it now
            return whole;
        }
        finally
        {
            body?.Dispose();
        }
    }

    /// <summary>One event object, or <c>{ "events": [...] }</c>.</summary>
    public static List<JsonElement> EventElements(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The body must be a JSON object: one event, or { \"events\": [...] }.");
        }

        if (root.TryGetProperty("events", out var batch))
        {
            return batch.ValueKind == JsonValueKind.Array
                ? batch.EnumerateArray().Select(e => e.Clone()).ToList()
                : throw new JsonException("\"events\" must be an array.");
        }

        return [root.Clone()];
    }
}
