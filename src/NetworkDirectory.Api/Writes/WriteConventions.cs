using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Writes;

public static class WriteConventions
{
    public const string MergePatchMediaType = "application/merge-patch+json";

    /// <summary>Applied once per write group: coordinators and admins only, the problems every write can return.</summary>
    public static RouteGroupBuilder WithWriteConventions(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Coordinator)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    public sealed record PatchBody(JsonNode? Node);

    /// <summary>Reads a JSON merge patch body; null when the media type is neither merge-patch+json nor json.</summary>
    public static async Task<PatchBody?> ReadMergePatchAsync(HttpContext http)
    {
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not (MergePatchMediaType or "application/json"))
        {
            return null;
        }
        try
        {
            // A duplicated name is refused here: JsonObject would otherwise throw when the patch is first read (a 500).
            return new PatchBody(await JsonNode.ParseAsync(
                http.Request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: http.RequestAborted));
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException("The merge patch is not valid JSON.", StatusCodes.Status400BadRequest, ex);
        }
    }

    public static ProblemHttpResult UnsupportedPatch() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
            detail: $"Send a JSON merge patch (RFC 7396) with Content-Type: {MergePatchMediaType}.");
}
