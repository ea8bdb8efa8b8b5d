using Microsoft.OpenApi;
using NetworkDirectory.Api.Imports;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NetworkDirectory.Api.OpenApi;

/// <summary>
/// Properties that hold any JSON value (a string, a number, a list, an object or null) get the empty
/// schema, which JSON Schema reads as "any value". Everywhere else a <c>JsonNode</c> is an object
/// (a GeoJSON geometry, a merge-patch body), as <see cref="OpenApiSetup"/> maps it.
/// </summary>
internal sealed class AnyValueFilter : ISchemaFilter
{
    private static readonly Dictionary<Type, (string Property, string Description)[]> AnyValued = new()
    {
        [typeof(ImportFieldChange)] =
        [
            ("before", "The value before the import, as the entity's write shape holds it (a string, number, boolean, list or object); null when it was not set."),
            ("after", "The value the file sets, in the same form; null when the file clears it."),
        ],
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } || context.Type is null || !AnyValued.TryGetValue(context.Type, out var any))
        {
            return;
        }
        foreach (var (property, description) in any)
        {
            if (properties.ContainsKey(property))
            {
                properties[property] = new OpenApiSchema { Description = description };
            }
        }
    }
}
