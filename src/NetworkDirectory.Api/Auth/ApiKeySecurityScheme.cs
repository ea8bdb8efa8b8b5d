using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NetworkDirectory.Api.Auth;

public static class ApiKeySecurityScheme
{
    /// <summary>Declares the ApiKey scheme and marks every endpoint that requires authorization with it.</summary>
    public static SwaggerGenOptions AddApiKeySecurity(this SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PresentedCredential.ApiKeyHeader,
            Description = "An API key `nd_<id>_<secret>`, sent as `X-Api-Key: <key>` or `Authorization: ApiKey <key>`. " +
                          "Reading the public directory needs no key; a key shows professional and internal contacts and allows writes within its region scope.",
        });
        options.OperationFilter<RequiresApiKeyFilter>();
        return options;
    }

    private sealed class RequiresApiKeyFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
            });
        }
    }
}
