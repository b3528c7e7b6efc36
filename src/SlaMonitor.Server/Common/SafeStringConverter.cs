using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaMonitor.Server.Common;

/// <summary>
/// Every string read from a JSON body passes <see cref="SafeText"/> (line breaks allowed: ids refuse them on their
/// own, in <see cref="ValidationErrors"/>). The serializer adds the JSON path to the error, which the
/// <see cref="BadRequestHandler"/> names as the field.
/// </summary>
public sealed class SafeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"must be a string, not {reader.TokenType}.");
        }

        var text = reader.GetString();
        return SafeText.HasControl(text, lineBreaksAllowed: true) ? throw new JsonException(SafeText.Refusal) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
