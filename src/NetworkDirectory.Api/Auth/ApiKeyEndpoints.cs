using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Auth;

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/admin/api-keys")
            .WithTags("Admin")
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/", CreateApiKey)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key (the key is shown once)")
            .WithDescription("Only a salted hash is stored: copy `key` from the answer, it cannot be shown again.")
            .RequireRateLimiting(RateLimitPolicies.Writes);

        group.MapGet("/", ListApiKeys)
            .WithName("ListApiKeys")
            .WithSummary("List API keys without their secrets");

        group.MapGet("/{id}", GetApiKey)
            .WithName("GetApiKey")
            .WithSummary("Get one API key without its secret")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/usage", GetApiKeyUsage)
            .WithName("GetApiKeyUsage")
            .WithSummary("Requests of a partner key per UTC day")
            .WithDescription("Needs an admin's API key. Answered requests by status class, and those refused by the key's quota (429) or origin list (403), per UTC day, oldest first. Counts include the last seconds not yet written to the database. Only partner keys' requests are counted.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id}", RevokeApiKey)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key; it fails from the next request on")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // GET /v1/me belongs to the same feature: it lets any key holder check what the key grants.
        app.MapCurrentCaller();
        return app;
    }

    public static async Task<Results<CreatedAtRoute<CreatedApiKeyResponse>, ValidationProblem>> CreateApiKey(
        CreateApiKeyRequest request, ClaimsPrincipal user, ApiKeyStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var createdBy = Caller.From(user).Name ?? "unknown";
        var (key, errors) = await ApiKeyValidator.ValidateAsync(request, createdBy, store, clock, cancellationToken);
        if (key is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (info, secretKey) = await store.CreateAsync(key, cancellationToken);
        var response = new CreatedApiKeyResponse(ApiKeyResponse.From(info, clock.GetUtcNow()), secretKey);
        return TypedResults.CreatedAtRoute(response, "GetApiKey", new { id = info.Id });
    }

    public static async Task<Ok<List<ApiKeyResponse>>> ListApiKeys(ApiKeyStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(k => ApiKeyResponse.From(k, now)).ToList());
    }

    public static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> GetApiKey(
        [Description("The key id (16 hex digits, the part after 'nd_').")] string id,
        ApiKeyStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } key
            ? TypedResults.Ok(ApiKeyResponse.From(key, clock.GetUtcNow()))
            : ProblemSetup.NotFound("API key", id);

    public static async Task<Results<Ok<ApiKeyUsageResponse>, ProblemHttpResult>> GetApiKeyUsage(
        [Description("The key id (16 hex digits, the part after 'nd_').")] string id,
        ApiKeyStore store, PartnerUsage usage, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } key
            ? TypedResults.Ok(new ApiKeyUsageResponse(key.Id, key.Role, await usage.ReportAsync(key.Id, cancellationToken)))
            : ProblemSetup.NotFound("API key", id);

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(
        [Description("The key id (16 hex digits, the part after 'nd_').")] string id,
        ApiKeyStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : ProblemSetup.NotFound("API key", id);
}
