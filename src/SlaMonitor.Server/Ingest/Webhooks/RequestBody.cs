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

    /// <summary>One event object, or <c>{ "events": [...] }</c>: elements of the parsed document, not copies of them.</summary>
    public static EventElements EventElements(ReadOnlyMemory<byte> body)
    {
        var document = JsonDocument.Parse(body);
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("The body must be a JSON object: one event, or { \"events\": [...] }.");
            }

            if (root.TryGetProperty("events", out var batch))
            {
                return batch.ValueKind == JsonValueKind.Array
                    ? new EventElements([.. batch.EnumerateArray()], document)
                    : throw new JsonException("\"events\" must be an array.");
            }

            return new EventElements([root], document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }
}

/// <summary>
/// The events of a request as JSON elements, valid while this is not disposed: they point into the request's parsed
/// document (pooled memory) instead of each being copied out of it.
/// </summary>
public sealed class EventElements(List<JsonElement> elements, JsonDocument? document) : IDisposable
{
    public List<JsonElement> Elements { get; } = elements;

    public void Dispose() => document?.Dispose();
}
