using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NetworkDirectory.Api.OpenApi;

/// <summary>
/// Makes each object schema say what the serializer really does, from the C# type itself rather
/// than a list of fields: a property whose type is nullable (<c>ContactAnswer?</c>, <c>int?</c>)
/// is nullable in the schema, referenced objects included; and an object is open to added
/// properties (the contract only ever adds fields) unless the type rejects unknown members
/// (<c>[JsonUnmappedMemberHandling(Disallow)]</c>: the write shapes).
/// </summary>
internal sealed class SchemaShapeFilter : ISchemaFilter
{
    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.Type is not { } type || concrete.Properties is not { Count: > 0 } properties)
        {
            return;
        }
        if (concrete.AdditionalPropertiesAllowed == false || concrete.AdditionalProperties is null)
        {
            var strict = type.GetCustomAttribute<JsonUnmappedMemberHandlingAttribute>()?.UnmappedMemberHandling == JsonUnmappedMemberHandling.Disallow;
            concrete.AdditionalPropertiesAllowed = !strict;
            concrete.AdditionalProperties = null;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (properties.TryGetValue(name, out var propertySchema) && IsNullable(property))
            {
                properties[name] = Nullable(propertySchema);
            }
        }
    }

    private bool IsNullable(PropertyInfo property)
    {
        if (System.Nullable.GetUnderlyingType(property.PropertyType) is not null)
        {
            return true;
        }
        // A closed generic (Resource<AgencyData>) has lost the annotation of its type argument, and reflection
        // reads a bare type parameter as maybe-null: the app's generic shapes (Resource<T>.Data, Page<T>.Items)
        // never declare one nullable, so a property typed by a type parameter counts as non-null.
        if (property.DeclaringType is { IsConstructedGenericType: true } declaring
            && declaring.GetGenericTypeDefinition().GetProperty(property.Name) is { PropertyType.IsGenericParameter: true })
        {
            return false;
        }
        return !property.PropertyType.IsValueType && _nullability.Create(property).ReadState == NullabilityState.Nullable;
    }

    /// <summary>A referenced schema becomes <c>anyOf: [$ref, {type: null}]</c>; an inline one gets "null" among its types.</summary>
    internal static IOpenApiSchema Nullable(IOpenApiSchema schema)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference:
                return new OpenApiSchema { AnyOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }], Description = reference.Description };
            case OpenApiSchema { Type: { } type } concrete:
                concrete.Type = type | JsonSchemaType.Null;
                return concrete;
            default:
                return schema;
        }
    }
}
