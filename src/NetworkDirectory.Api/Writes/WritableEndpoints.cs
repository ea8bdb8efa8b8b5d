using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NetworkDirectory.Api.Writes;

/// <summary>
/// The same five write endpoints for every writable entity: GET (write shape with ETag), POST,
/// PUT, PATCH (JSON merge patch) and DELETE. Behaviour lives in <see cref="WritePipeline"/>; the
/// entity-specific part in its <see cref="WritableResource{T}"/>.
/// </summary>
public static class WritableEndpoints
{
    /// <param name="entity">Entity name for operation ids: "Service" gives GetService, CreateService, …</param>
    /// <param name="dataPattern">Route of the write-shape GET; "/{id}/data" where "/{id}" already serves a public read shape.</param>
    public static RouteGroupBuilder MapWritable<TResource, T>(
        this IEndpointRouteBuilder app, string prefix, string tag, string entity, string dataPattern = "/{id}")
        where TResource : WritableResource<T> where T : class
    {
        var group = app.MapGroup(prefix).WithTags(tag).WithWriteConventions();
        var lower = entity.ToLowerInvariant();
        group.MapGet(dataPattern, WritableHandlers<T>.Get).WithName(dataPattern == "/{id}" ? $"Get{entity}" : $"Get{entity}Data")
            .WithSummary($"Get a {lower} in its write shape, with its ETag (coordinators and admins)");
        group.MapPost("/", WritableHandlers<T>.Create).WithName($"Create{entity}")
            .WithSummary($"Create a {lower} in your region");
        group.MapPut("/{id}", WritableHandlers<T>.Replace).WithName($"Replace{entity}")
            .WithSummary($"Replace a {lower} (If-Match required)");
        group.MapPatch("/{id}", WritableHandlers<T>.Patch).WithName($"Patch{entity}")
            .WithSummary($"Change some fields of a {lower}: JSON merge patch, RFC 7396 (If-Match required)")
            .Accepts<T>(WriteConventions.MergePatchMediaType)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id}", WritableHandlers<T>.Delete).WithName($"Delete{entity}")
            .WithSummary($"Delete a {lower}; the audit keeps it (If-Match required)");
        return group;
    }
}

/// <summary>The handlers behind <see cref="WritableEndpoints.MapWritable{TResource, T}"/>.</summary>
public static class WritableHandlers<T> where T : class
{
    public static Task<Results<Ok<Resource<T>>, ProblemHttpResult>> Get(
        WritePipeline writes, WritableResource<T> resource, HttpContext http, [Description("Id of the entry.")] string id) =>
        writes.GetAsync(resource, id, http);

    public static Task<Results<CreatedAtRoute<Resource<T>>, ValidationProblem, ProblemHttpResult>> Create(
        WritePipeline writes, WritableResource<T> resource, HttpContext http, T data) =>
        writes.CreateAsync(resource, data, http);

    public static Task<Results<Ok<Resource<T>>, ValidationProblem, ProblemHttpResult>> Replace(
        WritePipeline writes, WritableResource<T> resource, HttpContext http, [Description("Id of the entry.")] string id, T data) =>
        writes.ReplaceAsync(resource, id, data, http);

    public static async Task<Results<Ok<Resource<T>>, ValidationProblem, ProblemHttpResult>> Patch(
        WritePipeline writes, WritableResource<T> resource, HttpContext http, [Description("Id of the entry.")] string id) =>
        await WriteConventions.ReadMergePatchAsync(http) is { } patch
            ? await writes.PatchAsync(resource, id, patch.Node, http)
            : WriteConventions.UnsupportedPatch();

    public static Task<Results<NoContent, ProblemHttpResult>> Delete(
        WritePipeline writes, WritableResource<T> resource, HttpContext http, [Description("Id of the entry.")] string id) =>
        writes.DeleteAsync(resource, id, http);
}
