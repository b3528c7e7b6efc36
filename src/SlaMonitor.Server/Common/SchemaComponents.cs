using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SlaMonitor.Server.Common;

public static class SchemaComponents
{
    /// <summary>A reference to the type's schema under components, added there (named as the type) on first use.</summary>
    public static async Task<OpenApiSchemaReference> ReferenceAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, ct));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
