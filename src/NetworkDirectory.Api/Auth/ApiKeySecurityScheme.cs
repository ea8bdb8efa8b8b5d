using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NetworkDirectory.Api.Auth;

public static class ApiKeySecurityScheme
{
    /// <summary>The scheme name of <c>Authorization: ApiKey &lt;key&gt;</c> in the document (the X-Api-Key form is <see cref="ApiKeyAuthenticationHandler.SchemeName"/>).</summary>
    public const string AuthorizationHeaderScheme = "ApiKeyAuthorization";

    private const string KeyDescription =
        "Reading the public directory needs no key; a key shows professional and internal contacts and allows writes within its region scope.";

    /// <summary>
    /// Declares every way a caller can authenticate (both forms of an API key; a JWT bearer token
    /// where Auth:Jwt is configured) and marks every endpoint that requires authorization with them, as alternatives.
    /// </summary>
    public static SwaggerGenOptions AddApiKeySecurity(this SwaggerGenOptions options, bool jwtEnabled)
    {
        options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PresentedCredential.ApiKeyHeader,
            Description = $"An API key `nd_<id>_<secret>`, sent as `X-Api-Key: <key>`. {KeyDescription}",
        });
        options.AddSecurityDefinition(AuthorizationHeaderScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = $"The same API key in the Authorization header: the value is `ApiKey <key>` (the word ApiKey, a space, the key). {KeyDescription}",
        });
        if (jwtEnabled)
        {
            options.AddSecurityDefinition(JwtBearerDefaults.AuthenticationScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from this deployment's identity provider (Auth:Jwt), sent as `Authorization: Bearer <token>`.",
            });
        }
        string[] schemes = jwtEnabled
            ? [ApiKeyAuthenticationHandler.SchemeName, AuthorizationHeaderScheme, JwtBearerDefaults.AuthenticationScheme]
            : [ApiKeyAuthenticationHandler.SchemeName, AuthorizationHeaderScheme];
        options.OperationFilter<RequiresApiKeyFilter>([schemes]);
        return options;
    }

    private sealed class RequiresApiKeyFilter(string[] schemes) : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            operation.Security ??= [];
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            {
                // Anonymous, and a key is welcome: it shows professional and internal contacts.
                operation.Security.Add(new OpenApiSecurityRequirement());
            }
            foreach (var scheme in schemes)
            {
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
                });
            }
        }
    }
}
