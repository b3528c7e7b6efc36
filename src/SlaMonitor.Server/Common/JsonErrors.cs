using System.Text.Json;

namespace SlaMonitor.Server.Common;

/// <summary>
/// A JSON reading error as a field error: the path it happened at and what a sender should fix. Our converters' own
/// messages (a refused text, an instant without an offset) are kept; the serializer's type errors are said plainly.
/// </summary>
public static class JsonErrors
{
    public static (string Field, string Message) Describe(JsonException error, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = (prefix + (error.Path ?? "").TrimStart('$', '.')).TrimEnd('.');
        var message = error.Message.Split(" Path: ", 2)[0];
        return (field.Length == 0 ? "body" : field,
            message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) ? "has the wrong type or is out of range." : message);
    }
}
