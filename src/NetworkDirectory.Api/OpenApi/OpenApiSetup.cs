using System.ComponentModel;
using System.Reflection;
using Microsoft.OpenApi;
using NetworkDirectory.Api.Auth;
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
                License = new OpenApiLicense { Name = "Boundary data: dl-de/by-2-0 (BKG); postal codes: CC BY 4.0 (GeoNames)" },
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml, includeControllerXmlComments: false);
            }
            options.OperationFilter<ParameterDescriptionFilter>();
            options.SupportNonNullableReferenceTypes();
            options.AddApiKeySecurity();
        });
        return services;
    }

    public static WebApplication UseApiDocument(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "NetworkDirectory v1");
            options.DocumentTitle = "NetworkDirectory API";
        });
        return app;
    }

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
                    parameter.Example = System.Text.Json.Nodes.JsonValue.Create(example);
                }
            }
        }
    }
}
