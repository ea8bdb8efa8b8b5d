using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using NetworkDirectory.Api.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NetworkDirectory.Api.OpenApi;

/// <summary>
/// Declares the HTTP the API speaks on every operation of its kind, so that a new endpoint is
/// described without anyone remembering to: conditional GETs (If-None-Match, 304, ETag), writes
/// with If-Match (required where the operation can answer 428), created entries (Location, ETag),
/// the write budget and partner quotas (429 with Retry-After and the RateLimit headers), credentials
/// (401 for a bad key on any operation, 403 where a role is needed or a partner key's origin is refused), and 503 for a write to a read-only database.
/// </summary>
internal sealed class HttpSemanticsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod ?? "GET";
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        HttpComponents.Ensure(document);
        operation.Parameters ??= [];
        operation.Responses ??= [];
        var problem = new Lazy<IOpenApiSchema>(() => context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository));

        if (HttpMethods.IsGet(method))
        {
            operation.Parameters.Add(new OpenApiParameterReference(HttpComponents.IfNoneMatch, document));
            foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('2')))
            {
                AddHeader(response, HeaderNames.ETag, document);
            }
            operation.Responses.TryAdd("304", new OpenApiResponseReference(HttpComponents.NotModified, document));
        }
        else
        {
            if (operation.Responses.ContainsKey("428"))
            {
                operation.Parameters.Add(new OpenApiParameterReference(HttpComponents.IfMatch, document));
            }
            foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('2') && r.Key != "204"))
            {
                AddHeader(response, HeaderNames.ETag, document);
                if (status == "201")
                {
                    AddHeader(response, HeaderNames.Location, document);
                }
            }
            AddProblem(operation, "503", "The database is read-only: nothing was changed.", problem);
        }

        var rateLimited = metadata.OfType<EnableRateLimitingAttribute>().Any() && !HttpMethods.IsGet(method);
        AddProblem(operation, "429", rateLimited
            ? "Too many writes this minute, a partner key's quota is used up, or too many failed authentications from this client."
            : "A partner key's quota is used up, or too many failed authentications from this client: wait as Retry-After says.", problem);
        AddHeader(operation.Responses["429"], HeaderNames.RetryAfter, document);

        AddProblem(operation, "401", "The credentials sent are invalid, expired or revoked (or missing where a role is needed).", problem);
        var policies = metadata.OfType<IAllowAnonymous>().Any() ? [] : metadata.OfType<IAuthorizeData>().Select(a => a.Policy ?? "").ToList();
        // A partner key used from a web page whose Origin is not in the key's list is refused anywhere.
        AddProblem(operation, "403", policies.Count > 0
            ? "The key's role or region scope does not allow this, or a partner key was sent from an origin not in its list."
            : "A partner key was sent from a web page whose Origin is not in the key's list.", problem);
        // Every answer to a write, refused ones included, tells what is left of the write budget; every
        // answer to a partner key what is left of its quota.
        foreach (var (_, response) in operation.Responses.Where(r => r.Key != "401"))
        {
            AddHeader(response, HeaderNames.RateLimit, document);
            AddHeader(response, HeaderNames.RateLimitPolicy, document);
        }
        operation.Description ??= Describe(method, policies, operation.Responses.ContainsKey("428"), rateLimited);
    }

    /// <summary>Who may call the operation and how it behaves over HTTP, in a sentence or three.</summary>
    private static string Describe(string method, IReadOnlyList<string> policies, bool needsIfMatch, bool rateLimited)
    {
        var parts = new List<string>
        {
            policies.Count == 0 ? "Anonymous; with an API key, professional and internal contacts are shown too (not to partner keys, which see public data only)."
            : policies.Contains(Policies.Admin) ? "Needs an admin's API key."
            : policies.Contains(Policies.Coordinator) ? "Needs the API key of a coordinator (within its region scope) or an admin."
            : "Needs an API key or token of any role.",
        };
        if (HttpMethods.IsGet(method))
        {
            parts.Add("Send the ETag you hold in If-None-Match to get 304 Not Modified while it is current.");
        }
        if (needsIfMatch)
        {
            parts.Add("Send the ETag you read in If-Match: 428 without it, 412 when someone changed the entry since.");
        }
        if (rateLimited)
        {
            parts.Add("Counts against the caller's write budget (RateLimit headers; 429 with Retry-After when it is used up).");
        }
        return string.Join(" ", parts);
    }

    private static void AddHeader(IOpenApiResponse response, string name, OpenApiDocument document)
    {
        if (response is OpenApiResponse concrete)
        {
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers.TryAdd(name, new OpenApiHeaderReference(name, document));
        }
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description, Lazy<IOpenApiSchema> problem)
    {
        if (operation.Responses!.TryGetValue(status, out var existing))
        {
            if (existing is OpenApiResponse concrete && IsReasonPhrase(concrete.Description))
            {
                concrete.Description = description;
            }
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem.Value } },
        };
    }

    private static bool IsReasonPhrase(string? description) =>
        description is null or "Unauthorized" or "Forbidden" or "Too Many Requests" or "Service Unavailable";
}
