using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace SlaMonitor.Server.Common;

/// <summary>
/// Instants in request bodies are ISO 8601 with an offset (<c>2026-11-22T10:15:00+01:00</c> or <c>…Z</c>), as the
/// events' are: a time without one would be read in the server's zone, which the sender cannot know. And only
/// plausible ones (<see cref="ValidationErrors.FirstYear"/>–<see cref="ValidationErrors.LastYear"/>).
/// </summary>
public sealed class OffsetTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var parsed = text is null ? null : OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (parsed is not { Success: true })
        {
            throw new JsonException("must be an ISO 8601 timestamp with an offset (e.g. 2026-11-22T10:15:00+01:00).");
        }

        return parsed.Value.Year is >= ValidationErrors.FirstYear and <= ValidationErrors.LastYear
            ? parsed.Value.ToDateTimeOffset()
            : throw new JsonException($"must lie between the years {ValidationErrors.FirstYear} and {ValidationErrors.LastYear}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
