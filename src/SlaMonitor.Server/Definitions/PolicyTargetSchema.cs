using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SlaMonitor.Server.Definitions;

/// <summary>
/// <c>target</c> in the OpenAPI document: an ISO 8601 duration or a <see cref="CutoffTargetBody"/>. The body reads it as
/// raw JSON (either shape), which the schema generator cannot describe. A document transformer, so that it runs after
/// the schemas are in place and the cut-off rule stays a named component.
/// </summary>
public static class PolicyTargetSchema
{
    public static async Task ApplyAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var schemas = document.Components?.Schemas;
        if (schemas is null || !schemas.TryGetValue(nameof(PolicyBody), out var policy) || policy is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }

        var cutoff = nameof(CutoffTargetBody);
        schemas.TryAdd(cutoff, await context.GetOrCreateSchemaAsync(typeof(CutoffTargetBody), null, ct));
        properties["target"] = new OpenApiSchema
        {
            Description = "A duration (\"PT4H\") or a cut-off rule ({ \"nextBusinessDayBy\": \"17:00\", \"cutoff\": \"15:00\" }).",
            OneOf = [new OpenApiSchema { Type = JsonSchemaType.String, Description = "ISO 8601 duration, e.g. PT4H." }, new OpenApiSchemaReference(cutoff, document)],
        };
    }
}
