using Microsoft.OpenApi;

namespace NetworkDirectory.Api.OpenApi;

internal static class HeaderNames
{
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
    public const string RateLimit = "RateLimit";
    public const string RateLimitPolicy = "RateLimit-Policy";
}

/// <summary>The headers, parameters and responses that <see cref="HttpSemanticsFilter"/> refers to, declared once under components.</summary>
internal static class HttpComponents
{
    public const string IfNoneMatch = "IfNoneMatch";
    public const string IfMatch = "IfMatch";
    public const string NotModified = "NotModified";

    public static void Ensure(OpenApiDocument document)
    {
        var components = document.Components ??= new OpenApiComponents();
        components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        if (components.Headers.ContainsKey(HeaderNames.ETag))
        {
            return;
        }
        components.Headers[HeaderNames.ETag] = Header("The version of this representation, a strong entity tag (\"3\"). Send it back in If-None-Match to revalidate, or in If-Match to change the entry.", "\"3\"");
        components.Headers[HeaderNames.Location] = Header("The URL of the created entry.", "/v1/agencies/m-stadtjugendamt");
        components.Headers[HeaderNames.RetryAfter] = new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
            Example = System.Text.Json.Nodes.JsonValue.Create(42),
        };
        components.Headers[HeaderNames.RateLimit] = Header("What is left of the write budget (\"writes\") or of a partner key's quota (\"partner\"), per draft-ietf-httpapi-ratelimit-headers: r requests left, t seconds until it refills.", "\"writes\";r=59;t=42");
        components.Headers[HeaderNames.RateLimitPolicy] = Header("The write budget (\"writes\") or a partner key's quota (\"partner\"), per draft-ietf-httpapi-ratelimit-headers: q requests per w seconds.", "\"writes\";q=60;w=60");

        components.Parameters[IfNoneMatch] = new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of a representation you hold: answered 304 Not Modified, without a body, while it is still current.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = System.Text.Json.Nodes.JsonValue.Create("\"3\""),
        };
        components.Parameters[IfMatch] = new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = true,
            Description = "The ETag you read with GET. Without it the answer is 428; with an outdated one 412, so that no colleague's change is overwritten.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = System.Text.Json.Nodes.JsonValue.Create("\"3\""),
        };
        components.Responses[NotModified] = new OpenApiResponse
        {
            Description = "Not Modified: the representation named in If-None-Match is still current.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                [HeaderNames.ETag] = new OpenApiHeaderReference(HeaderNames.ETag, document),
                [HeaderNames.RateLimit] = new OpenApiHeaderReference(HeaderNames.RateLimit, document),
                [HeaderNames.RateLimitPolicy] = new OpenApiHeaderReference(HeaderNames.RateLimitPolicy, document),
            },
        };
    }

    private static OpenApiHeader Header(string description, string example) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = System.Text.Json.Nodes.JsonValue.Create(example),
    };
}
