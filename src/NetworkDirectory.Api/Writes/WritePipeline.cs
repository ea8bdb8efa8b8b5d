using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NetworkDirectory.Api.Audit;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Writes;

/// <summary>
/// Every write goes the same way, inside one SQLite transaction (BEGIN IMMEDIATE, so writers queue):
/// load the current state, check If-Match against its version, check the caller's region scope
/// (before and after the change), validate, write, insert the audit row, commit; then tell the
/// lookup side what changed (<see cref="IDirectoryChanges"/>), so that the next lookup sees it.
/// </summary>
public sealed class WritePipeline(
    SqliteConnectionFactory connections, IDirectoryChanges directory, TimeProvider clock, IOptions<JsonOptions> json, WriteMetrics metrics)
{
    private JsonSerializerOptions JsonOptions => json.Value.SerializerOptions;

    public async Task<Results<CreatedAtRoute<Resource<T>>, ValidationProblem, ProblemHttpResult>> CreateAsync<T>(
        WritableResource<T> resource, T data, HttpContext http) where T : class
    {
        var caller = Caller.From(http.User);
        await using var connection = await connections.OpenAsync(http.RequestAborted);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(http.RequestAborted);
        var errors = new ValidationErrors();
        var valid = await resource.ValidateAsync(connection, transaction, resource.WithCallerDefaults(data, null, caller), null, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        var regions = (await resource.RegionsAsync(connection, transaction, valid))
            .Union(await resource.ReferencedRegionsAsync(connection, transaction, null, valid)).ToList();
        if (RegionScope.OutOfScope(caller, regions) is { } forbidden)
        {
            return forbidden;
        }

        var id = resource.NewId(valid);
        await resource.InsertAsync(connection, transaction, id, valid, Now);
        var after = new Resource<T>(id, 1, valid);
        await AuditAsync(connection, transaction, caller, "create", resource, id, regions, null, after);
        await transaction.CommitAsync(http.RequestAborted);
        await directory.ChangedAsync(resource.Changes(id, null, valid));

        ETag.Set(http, after.Version);
        return TypedResults.CreatedAtRoute(after, resource.GetRouteName, new { id });
    }

    public Task<Results<Ok<Resource<T>>, ValidationProblem, ProblemHttpResult>> ReplaceAsync<T>(
        WritableResource<T> resource, string id, T data, HttpContext http) where T : class =>
        UpdateAsync(resource, id, http, "replace", _ => (data, null));

    /// <summary>JSON merge patch (RFC 7396) on the entity's write shape.</summary>
    public Task<Results<Ok<Resource<T>>, ValidationProblem, ProblemHttpResult>> PatchAsync<T>(
        WritableResource<T> resource, string id, JsonNode? patch, HttpContext http) where T : class =>
        UpdateAsync(resource, id, http, "patch", current =>
        {
            if (patch is not JsonObject)
            {
                return (null, ("body", "A merge patch must be a JSON object."));
            }
            var merged = MergePatch.Apply(JsonSerializer.SerializeToNode(current, JsonOptions), patch);
            try
            {
                return (merged.Deserialize<T>(JsonOptions), null);
            }
            catch (JsonException ex)
            {
                return (null, ProblemSetup.DescribeJsonError(ex));
            }
        });

    /// <param name="extra">Further changes in the same transaction; what it returns is added to the audit's after-state.</param>
    public async Task<Results<Ok<Resource<T>>, ValidationProblem, ProblemHttpResult>> UpdateAsync<T>(
        WritableResource<T> resource, string id, HttpContext http, string action, Func<T, (T? Data, (string Field, string Message)? Error)> change,
        Func<SqliteConnection, SqliteTransaction, Task<JsonObject>>? extra = null) where T : class
    {
        var caller = Caller.From(http.User);
        await using var connection = await connections.OpenAsync(http.RequestAborted);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(http.RequestAborted);
        var stored = await resource.LoadAsync(connection, transaction, id);
        if (stored is null)
        {
            return ProblemSetup.NotFound(resource.EntityType, id);
        }
        if (RegionScope.OutOfScope(caller, stored.Regions) is { } forbiddenBefore)
        {
            return forbiddenBefore;
        }
        if (ETag.Check(http, stored.Version) is { } precondition)
        {
            return metrics.Refused(resource.EntityType, precondition);
        }
        var (data, error) = change(stored.Data);
        if (data is null)
        {
            var (field, message) = error ?? ("body", "The body is empty.");
            return ProblemSetup.Invalid(field, message);
        }

        var errors = new ValidationErrors();
        var valid = await resource.ValidateAsync(connection, transaction, resource.WithCallerDefaults(data, stored.Data, caller), id, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        // The change must be allowed where the entity will be, where it still is, and where the entities it newly names are.
        var regions = (await resource.RegionsAsync(connection, transaction, valid)).Union(stored.Regions)
            .Union(await resource.ReferencedRegionsAsync(connection, transaction, stored.Data, valid)).ToList();
        if (RegionScope.OutOfScope(caller, regions) is { } forbiddenAfter)
        {
            return forbiddenAfter;
        }
        if (!await resource.UpdateAsync(connection, transaction, id, valid, stored.Version, Now))
        {
            return metrics.Refused(resource.EntityType, ETag.Stale(stored.Version));
        }

        var after = new Resource<T>(id, stored.Version + 1, valid);
        var extraAfter = extra is null ? null : await extra(connection, transaction);
        await AuditAsync(connection, transaction, caller, action, resource, id, regions, new Resource<T>(id, stored.Version, stored.Data), after, extraAfter);
        await transaction.CommitAsync(http.RequestAborted);
        await directory.ChangedAsync(resource.Changes(id, stored.Data, valid));

        ETag.Set(http, after.Version);
        return TypedResults.Ok(after);
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync<T>(WritableResource<T> resource, string id, HttpContext http) where T : class
    {
        var caller = Caller.From(http.User);
        await using var connection = await connections.OpenAsync(http.RequestAborted);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(http.RequestAborted);
        var stored = await resource.LoadAsync(connection, transaction, id);
        if (stored is null)
        {
            return ProblemSetup.NotFound(resource.EntityType, id);
        }
        if (RegionScope.OutOfScope(caller, stored.Regions) is { } forbidden)
        {
            return forbidden;
        }
        if (ETag.Check(http, stored.Version) is { } precondition)
        {
            return metrics.Refused(resource.EntityType, precondition);
        }
        if (await resource.DeleteConflictAsync(connection, transaction, id) is { } conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Still referenced", detail: conflict);
        }

        await resource.DeleteAsync(connection, transaction, id);
        await AuditAsync(connection, transaction, caller, "delete", resource, id, stored.Regions, new Resource<T>(id, stored.Version, stored.Data), null);
        await transaction.CommitAsync(http.RequestAborted);
        await directory.ChangedAsync(resource.Changes(id, stored.Data, null));
        return TypedResults.NoContent();
    }

    /// <summary>Reads one entity for GET, with its version as ETag (If-None-Match → 304 is <see cref="HttpCaching"/>'s, as for every read).</summary>
    public async Task<Results<Ok<Resource<T>>, ProblemHttpResult>> GetAsync<T>(
        WritableResource<T> resource, string id, HttpContext http, Func<T, bool>? visible = null) where T : class
    {
        await using var connection = await connections.OpenAsync(http.RequestAborted);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var stored = await resource.LoadAsync(connection, transaction, id);
        if (stored is null || (visible is not null && !visible(stored.Data)))
        {
            return ProblemSetup.NotFound(resource.EntityType, id);
        }
        ETag.Set(http, stored.Version);
        return TypedResults.Ok(new Resource<T>(id, stored.Version, resource.VisibleTo(Caller.From(http.User), stored)));
    }

    public string Now => Dates.FormatTimestamp(clock.GetUtcNow());

    private async Task AuditAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, Caller caller, string action, WritableResource<T> resource,
        string id, IReadOnlyList<string> regions, Resource<T>? before, Resource<T>? after, JsonObject? extraAfter = null) where T : class
    {
        var afterNode = after is null ? null : JsonSerializer.SerializeToNode(after, JsonOptions);
        if (afterNode is JsonObject afterObject && extraAfter is not null)
        {
            foreach (var (name, value) in extraAfter)
            {
                afterObject[name] = value?.DeepClone();
            }
        }
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            $"{caller.Name} ({caller.Role})", action, resource.EntityType, id, regions.FirstOrDefault(),
            before is null ? null : JsonSerializer.SerializeToNode(before, JsonOptions), afterNode,
            Activity.Current?.Id, clock.GetUtcNow()));
    }
}
