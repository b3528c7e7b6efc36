using System.Text.Json;
using System.Text.Json.Nodes;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Audit;

/// <summary>
/// A snapshot of an entity as the audit log keeps it: its JSON, with every property whose name holds "secret" (the
/// carrier's secret, a customer's alert secret, the previous ones, and any added later) replaced by
/// <see cref="Redacted"/>, and stored JSON columns ("accountManagersJson") shown as the JSON they hold.
/// </summary>
public static class AuditJson
{
    public const string Redacted = "[redacted]";

    private const string JsonSuffix = "Json";

    public static string? Of(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var node = JsonSerializer.SerializeToNode(value, value.GetType(), AdminJson.Options);
        Clean(node);
        return node?.ToJsonString(AdminJson.Options);
    }

    private static void Clean(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (name.Contains("secret", StringComparison.OrdinalIgnoreCase))
                    {
                        obj[name] = child is null ? null : Redacted;
                    }
                    else if (name.EndsWith(JsonSuffix, StringComparison.Ordinal) && name.Length > JsonSuffix.Length && child?.GetValueKind() == JsonValueKind.String)
                    {
                        obj.Remove(name);
                        var inner = JsonNode.Parse(child.GetValue<string>());
                        Clean(inner);
                        obj[name[..^JsonSuffix.Length]] = inner;
                    }
                    else
                    {
                        Clean(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Clean(item);
                }

                break;
        }
    }
}
