using System.ComponentModel;
using System.Reflection;
using Microsoft.OpenApi;
using NetworkDirectory.Api.Auth;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NetworkDirectory.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/swagger/v1/swagger.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "NetworkDirectory API",
                Version = "v1",
                Description = ApiDescription.Text,
                License = new OpenApiLicense
                {
                    Name = "Boundary data: dl-de/by-2-0 (BKG); postal codes: CC BY 4.0 (GeoNames)",
                    Url = new Uri("https://www.govdata.de/dl-de/by-2-0"),
                },
                Contact = new OpenApiContact { Name = "NetworkDirectory maintainers (see README: Examples for partner websites)" },
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml, includeControllerXmlComments: false);
            }
            options.OperationFilter<ParameterDescriptionFilter>();
            options.OperationFilter<MergePatchFilter>();
            options.OperationFilter<HttpSemanticsFilter>();
            options.SchemaFilter<SchemaShapeFilter>();
            options.SchemaFilter<AnyValueFilter>();
            options.DocumentFilter<DocumentFrameFilter>();
            options.SupportNonNullableReferenceTypes();
            // Raw JSON (a GeoJSON geometry) is an object whose shape the property describes, not System.Text.Json's node types.
            options.MapType<System.Text.Json.Nodes.JsonNode>(() => new OpenApiSchema { Type = JsonSchemaType.Object });
            options.MapType<System.Text.Json.JsonElement>(() => new OpenApiSchema { Type = JsonSchemaType.Object });
            options.MapType<System.Text.Json.JsonElement?>(() => new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null });
        });
        // The bearer scheme is declared only where this deployment accepts JWTs.
        services.AddOptions<SwaggerGenOptions>().Configure<IOptions<AuthOptions>>((options, auth) => options.AddApiKeySecurity(auth.Value.Jwt.Enabled));
        return services;
    }

    public static WebApplication UseApiDocument(this WebApplication app)
    {
        // OpenAPI 3.1: its schemas are JSON Schema (2020-12), so a nullable reference is anyOf [$ref, null],
        // which validators (Prism, JsonSchema.Net) and generators read alike; 3.0's nullable cannot sit beside a $ref.
        app.UseSwagger(options => options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1);
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "NetworkDirectory v1");
            options.DocumentTitle = "NetworkDirectory API";
        });
        return app;
    }

    private static System.Text.Json.Nodes.JsonNode? Typed(IOpenApiSchema? schema, string example) => schema?.Type switch
    {
        { } type when type.HasFlag(JsonSchemaType.Array) => new System.Text.Json.Nodes.JsonArray(Typed(schema.Items, example)),
        { } type when type.HasFlag(JsonSchemaType.Integer) && int.TryParse(example, out var number) => System.Text.Json.Nodes.JsonValue.Create(number),
        _ => System.Text.Json.Nodes.JsonValue.Create(example),
    };

    /// <summary>Copies [Description] of handler parameters into the document and adds examples.</summary>
    private sealed class ParameterDescriptionFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.Parameters is null)
            {
                return;
            }
            var method = context.MethodInfo;
            foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
            {
                var info = method?.GetParameters().FirstOrDefault(p => p.Name == parameter.Name);
                if (info?.GetCustomAttribute<DescriptionAttribute>() is { } description)
                {
                    parameter.Description = description.Description;
                }
                if (ApiDescription.Examples.TryGetValue((context.ApiDescription.RelativePath ?? "", parameter.Name ?? ""), out var example)
                    || ApiDescription.Examples.TryGetValue(("*", parameter.Name ?? ""), out example))
                {
                    // Typed as the parameter is, so that the example validates against its schema.
                    parameter.Example = Typed(parameter.Schema, example);
                }
            }
        }
    }
}
