using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NetworkDirectory.Api.OpenApi;

/// <summary>
/// A JSON merge patch body (RFC 7396) is described as what it is: the entity's write shape with
/// every property optional and nullable (null removes a value), under the name "{WriteShape}Patch".
/// </summary>
internal sealed class MergePatchFilter : IOperationFilter
{
    public const string MediaType = "application/merge-patch+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is not { } content || !content.TryGetValue(MediaType, out var body)
            || context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().LastOrDefault()?.RequestType is not { } shape)
        {
            return;
        }
        var id = shape.Name + "Patch";
        var repository = context.SchemaRepository;
        if (!repository.Schemas.ContainsKey(id)
            && context.SchemaGenerator.GenerateSchema(shape, repository) is OpenApiSchemaReference { Reference.Id: { } shapeId }
            && repository.Schemas[shapeId] is OpenApiSchema write)
        {
            var patch = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"The fields of a {shapeId} to change, as a JSON merge patch (RFC 7396): a field left out stays as it is, "
                    + "null removes its value, and an object merges the same way into the object it replaces.",
                Properties = new Dictionary<string, IOpenApiSchema>(),
                AdditionalPropertiesAllowed = write.AdditionalPropertiesAllowed,
            };
            foreach (var (name, property) in write.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                patch.Properties[name] = SchemaShapeFilter.Nullable(property.CreateShallowCopy());
            }
            repository.Schemas[id] = patch;
        }
        body.Schema = new OpenApiSchemaReference(id, context.Document);
    }
}
