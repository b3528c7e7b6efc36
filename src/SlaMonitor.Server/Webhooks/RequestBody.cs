using System.Text.Json;

namespace SlaMonitor.Server.Webhooks;

public static class RequestBody
{
    /// <summary>The raw body (the signature covers its exact bytes), or null when it exceeds the limit.</summary>
    public static async Task<byte[]?> ReadLimited(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>One event object, or <c>{ "events": [...] }</c>.</summary>
    public static List<JsonElement> EventElements(byte[] body)
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
