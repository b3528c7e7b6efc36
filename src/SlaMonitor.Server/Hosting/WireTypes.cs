using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SlaMonitor.Server.Hosting;

/// <summary>
/// Schemas as the wire carries them, for client generators. The JSON options' own converters (every string through
/// SafeStringConverter, instants through OffsetTimestampConverter) hide the types from the schema generator, which then
/// writes <c>{}</c> (and drops a list of strings' items); and numbers are also read from strings, which it writes as <c>["integer", "string"]</c> with a
/// pattern, though the server always writes numbers.
/// </summary>
public static class WireTypes
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static Task ApplyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        JsonSchemaType nullable = IsNullable(context) ? JsonSchemaType.Null : default;
        if (type == typeof(string))
        {
            schema.Type = JsonSchemaType.String | nullable;
        }
        else if (type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | nullable;
            schema.Format = "date-time";
        }
        else if (schema.Type is { } numeric && numeric.HasFlag(JsonSchemaType.String)
                 && (numeric.HasFlag(JsonSchemaType.Integer) || numeric.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = numeric & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        else if (schema.Items is null && context.JsonTypeInfo.ElementType == typeof(string))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(OpenApiSchemaTransformerContext context) =>
        Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is not null
        || context.JsonPropertyInfo?.AttributeProvider switch
        {
            PropertyInfo property => Nullability.Create(property).ReadState == NullabilityState.Nullable,
            FieldInfo field => Nullability.Create(field).ReadState == NullabilityState.Nullable,
            _ => false,
        };
}
