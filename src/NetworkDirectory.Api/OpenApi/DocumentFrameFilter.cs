using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NetworkDirectory.Api.OpenApi;

/// <summary>
/// What the endpoints' metadata cannot say: where the API runs, and the two health probes (mapped
/// with MapHealthChecks, which the API explorer does not see) that orchestrators and partners call.
/// </summary>
internal sealed class DocumentFrameFilter : IDocumentFilter
{
    private const string HealthTag = "Health";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "The API is served at the root of its host: use your deployment's base URL (a local instance: http://localhost:5080).",
            },
        ];
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = HealthTag });
        foreach (var tag in document.Tags)
        {
            tag.Description ??= ApiDescription.Tags.GetValueOrDefault(tag.Name ?? "");
        }
        var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        document.Paths ??= [];
        document.Paths["/healthz"] = Probe(document, problem, "Liveness", "Liveness: the process answers", "Healthy");
        document.Paths["/readyz"] = Probe(document, problem, "Readiness", "Readiness: the database is reachable, writable and fully migrated, and the directory is loaded", "Healthy");
    }

    private static OpenApiPathItem Probe(OpenApiDocument document, IOpenApiSchema problem, string operationId, string summary, string example) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new OpenApiOperation
            {
                OperationId = operationId,
                Summary = summary,
                Description = summary + ". Anonymous; the answer is plain text, \"Healthy\" or \"Unhealthy: \" and what to fix.",
                Security = [new OpenApiSecurityRequirement()],
                Tags = new HashSet<OpenApiTagReference> { new(HealthTag, document) },
                Responses = new OpenApiResponses
                {
                    ["200"] = Text("Healthy.", example),
                    ["401"] = new OpenApiResponse
                    {
                        Description = "Credentials were sent and are invalid (send none to a probe).",
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                    },
                    ["503"] = Text("Unhealthy, and what to fix.", "Unhealthy: migrations pending"),
                },
            },
        },
    };

    private static OpenApiResponse Text(string description, string example) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(example) },
        },
    };
}
