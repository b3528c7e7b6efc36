using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Hosting;

/// <summary>
/// The answers every operation can give besides its own, derived from how it is mapped, so that no endpoint has to
/// repeat them: a key-protected one declares the bearer scheme and 401/403/429; one that reads a body or parameters,
/// 400 (and 422 under /api); every API call, 503. Each 4xx/5xx is RFC 7807 problem details.
/// </summary>
public static class StandardAnswers
{
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [400] = "The body or a parameter could not be read (malformed JSON, a wrong type, a refused character); the problem names the field. Nothing was applied.",
        [401] = "No API key, or one this server does not know.",
        [403] = "The key's role may not call this.",
        [404] = "Not found, or not visible to this key (another customer's or carrier's).",
        [409] = "The change conflicts with the current state (e.g. an escalation already resolved); nothing was applied.",
        [413] = "The body is larger than the server accepts.",
        [422] = "One or more fields are invalid: `errors` maps each field (a JSON path) to its messages. Nothing was applied.",
        [429] = "Too many requests (or failed sign-ins) from this caller; retry after the Retry-After seconds.",
        [503] = "The database or the message broker cannot be reached; nothing was accepted. Retry after the Retry-After seconds.",
    };

    public static async Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var statuses = new SortedSet<int>();
        if (secured)
        {
            var scheme = new OpenApiSecuritySchemeReference(OpenApiDocumentSetup.BearerScheme, context.Document);
            operation.Security = [new OpenApiSecurityRequirement { [scheme] = [] }];
            statuses.UnionWith([401, 403, 429]);
        }
        else
        {
            operation.Security = []; // explicitly no key: the webhook is signed, the board's sign-in takes the key in its body
        }

        var api = description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        if (operation.RequestBody is not null || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Body))
        {
            statuses.Add(400);
            if (api)
            {
                statuses.Add(422);
            }
        }

        if (api)
        {
            statuses.Add(503);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse());
        }

        await DescribeProblemsAsync(operation.Responses, context, ct);
    }

    /// <summary>Every 4xx/5xx gets its meaning and a problem-details body (status code pages write one for a bare 404).</summary>
    private static async Task DescribeProblemsAsync(OpenApiResponses responses, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var problem = await SchemaComponents.ReferenceAsync(typeof(ProblemDetails), context, ct);
        var validation = await SchemaComponents.ReferenceAsync(typeof(HttpValidationProblemDetails), context, ct);
        foreach (var (code, answer) in responses.ToList())
        {
            if (!int.TryParse(code, CultureInfo.InvariantCulture, out var status) || status < 400 || answer is not OpenApiResponse response)
            {
                continue;
            }

            if (Meanings.TryGetValue(status, out var meaning) && (string.IsNullOrEmpty(response.Description) || IsReasonPhrase(response.Description, status)))
            {
                response.Description = meaning;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (!response.Content.ContainsKey(ProblemJson))
            {
                response.Content.Clear();
                response.Content[ProblemJson] = new OpenApiMediaType { Schema = status is 400 or 422 ? validation : problem };
            }

            if (status is 429 or 503)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }
    }

    private static bool IsReasonPhrase(string text, int status) =>
        string.Equals(text, ReasonPhrases.GetReasonPhrase(status), StringComparison.OrdinalIgnoreCase);
}
