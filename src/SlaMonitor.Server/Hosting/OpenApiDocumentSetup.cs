using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Ingest.Webhooks;

namespace SlaMonitor.Server.Hosting;

/// <summary>
/// The served OpenAPI document (/openapi/v1.json) as partners generate clients from it: who to contact, the licence,
/// the bearer key scheme, what each tag holds (<see cref="ApiTags"/>), and on every operation the answers it can give
/// (<see cref="StandardAnswers"/>). Checked against docs/openapi/v1.json and linted by Redocly in the tests.
/// </summary>
public static class OpenApiDocumentSetup
{
    public const string BearerScheme = "apiKey";

    public static void AddSlaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer(PolicyTargetSchema.ApplyAsync);
            o.AddOperationTransformer(StandardAnswers.ApplyAsync);
            o.AddSchemaTransformer(WireTypes.ApplyAsync);
            o.AddSchemaTransformer(WebhookContract.DescribeEventAsync);
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SlaMonitor API",
            Version = "v1",
            Description = """
                Delivery promises watched against their SLA. Partners (carriers, customs brokers, field-service partners) post
                status events to `POST /api/v1/carriers/{carrierCode}/events`, signed with the `SlaMonitor-Signature` header;
                administrators, operations staff and account managers use the rest with `Authorization: Bearer <api key>`.
                Errors are RFC 7807 problem details naming each bad field. Quick start: docs/partners.md.
                """.ReplaceLineEndings(" "),
            Contact = new OpenApiContact { Name = "SlaMonitor integration support", Email = "integrations@slamonitor.example" },
            License = new OpenApiLicense { Name = "Proprietary: for SlaMonitor customers and their partners", Url = new Uri("https://slamonitor.example/terms") },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The server that serves this document." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from the server's configuration (Auth:ApiKeys), sent as `Authorization: Bearer <key>`. "
                + "Its role (admin, ops, accountManager, carrier) decides what it may call; an account manager's key sees only its customers, "
                + "a carrier's key only its own delivery log. The carrier webhook is signed instead (SlaMonitor-Signature).",
        };
        // Every tag an endpoint uses, with its description; a tag missing from ApiTags shows up in the lint (tag-description).
        var used = document.Tags?.Select(t => t.Name!) ?? [];
        document.Tags = new HashSet<OpenApiTag>(used.Union(ApiTags.Descriptions.Keys).Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name, Description = ApiTags.Descriptions.GetValueOrDefault(name) }));
    }
}
