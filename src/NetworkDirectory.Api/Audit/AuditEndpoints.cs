using System.ComponentModel;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Audit;

/// <summary>
/// Reading the append-only audit. There are only GETs: no endpoint changes or deletes audit rows.
/// Scope: admins see every row; coordinators only rows whose region key lies inside one of their
/// scope keys (rows without a region are for admins). A region filter that overlaps the scope is
/// narrowed to it; one that lies wholly outside is refused with 403.
/// </summary>
public static partial class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Coordinator);

        group.MapGet("/", ListAudit)
            .WithName("ListAudit")
            .WithSummary("List recorded writes, newest first")
            .WithDescription("Coordinators see the rows of their region scope, admins all rows. Filters combine with AND; page with limit and offset. importId lists what one bulk import changed.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{entityType}/{entityId}", GetAuditHistory)
            .WithName("GetAuditHistory")
            .WithSummary("The history of one entity, oldest first")
            .WithDescription("Every recorded write of the entity that the caller's scope shows; 404 when the entity has no audit rows at all.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Ok<Page<AuditRecord>>, ValidationProblem, ProblemHttpResult>> ListAudit(
        SqliteConnectionFactory connections,
        ClaimsPrincipal user,
        [Description("Only rows whose region key starts with this key ('09' includes '09162'): " + RegionKey.Description)] string? region = null,
        [Description("Entity type, e.g. agency, service, contact.")] string? entityType = null,
        [Description("Entity id, e.g. m-stadtjugendamt.")] string? entityId = null,
        [Description("Actor as recorded, e.g. 'alice (coordinator)'; the name alone matches too.")] string? actor = null,
        [Description("Only writes at or after this ISO 8601 instant, e.g. 2026-11-01T00:00:00Z.")] DateTimeOffset? from = null,
        [Description("Only writes before this ISO 8601 instant (exclusive).")] DateTimeOffset? to = null,
        [Description("Only the rows written by this bulk import (its id from POST /v1/imports, e.g. imp-09-3f2a1c); see GET /v1/imports/{id}.")] string? importId = null,
        [LimitDescription] int? limit = null,
        [OffsetDescription] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        if (Paging.Check(limit, offset) is { } paging)
        {
            return ProblemSetup.Invalid(paging.Field, paging.Message);
        }
        string? regionKey = null;
        if (region is not null && !RegionKey.TryNormalize(region, out regionKey!))
        {
            return ProblemSetup.Invalid("region", RegionKey.Invalid(region));
        }
        if (entityType is not null && !EntityTypeShape().IsMatch(entityType))
        {
            return ProblemSetup.Invalid("entityType", EntityTypeInvalid(entityType));
        }
        if (importId is not null && !ImportIdShape().IsMatch(importId))
        {
            return ProblemSetup.Invalid("importId", $"importId: '{importId}' is not an import id: it starts with 'imp-', e.g. imp-09-3f2a1c (the importId of an applied import).");
        }
        if (from is not null && to is not null && from > to)
        {
            return ProblemSetup.Invalid("to", $"to ({to:O}) must not be before from ({from:O}).");
        }
        var caller = Caller.From(user);
        if (Refuse(caller, regionKey) is { } refused)
        {
            return refused;
        }

        var take = limit ?? Paging.DefaultLimit;
        var skip = offset ?? 0;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var filter = new AuditFilter(regionKey, entityType, entityId, actor, from, to, importId);
        var (items, total) = await AuditQueries.ListAsync(connection, caller, filter, oldestFirst: false, take, skip);
        return TypedResults.Ok(Paging.Create(items, total, take, skip));
    }

    public static async Task<Results<Ok<Page<AuditRecord>>, ValidationProblem, ProblemHttpResult>> GetAuditHistory(
        SqliteConnectionFactory connections,
        ClaimsPrincipal user,
        [Description("Entity type, e.g. agency.")] string entityType,
        [Description("Entity id, e.g. m-stadtjugendamt.")] string entityId,
        [LimitDescription] int? limit = null,
        [OffsetDescription] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        if (Paging.Check(limit, offset) is { } paging)
        {
            return ProblemSetup.Invalid(paging.Field, paging.Message);
        }
        if (!EntityTypeShape().IsMatch(entityType))
        {
            return ProblemSetup.Invalid("entityType", EntityTypeInvalid(entityType));
        }
        var caller = Caller.From(user);
        if (Refuse(caller, null) is { } refused)
        {
            return refused;
        }

        var take = limit ?? Paging.DefaultLimit;
        var skip = offset ?? 0;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var filter = new AuditFilter(EntityType: entityType, EntityId: entityId);
        var (items, total) = await AuditQueries.ListAsync(connection, caller, filter, oldestFirst: true, take, skip);
        if (total == 0)
        {
            return await AuditQueries.AnyAsync(connection, entityType, entityId)
                ? Forbidden($"The history of {entityType} '{entityId}' lies outside your region scope ({ScopeText(caller)}).")
                : ProblemSetup.NotFound($"audit history for {entityType}", entityId);
        }
        return TypedResults.Ok(Paging.Create(items, total, take, skip));
    }

    /// <summary>Only coordinators and admins read the audit; a coordinator's region filter must overlap the scope.</summary>
    private static ProblemHttpResult? Refuse(Caller caller, string? regionKey)
    {
        if (!caller.IsCoordinator)
        {
            return Forbidden("Only coordinators and admins may read the audit.");
        }
        if (caller.IsAdmin || regionKey is null || regionKey == RegionKey.Country)
        {
            return null;
        }
        var overlaps = caller.Scope.Any(s => regionKey.StartsWith(s, StringComparison.Ordinal) || s.StartsWith(regionKey, StringComparison.Ordinal));
        return overlaps ? null : Forbidden($"Region {regionKey} lies outside your region scope ({ScopeText(caller)}).");
    }

    private static string ScopeText(Caller caller) => caller.Scope.Count == 0 ? "none" : string.Join(", ", caller.Scope);

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your region", detail: detail);

    private static string EntityTypeInvalid(string value) =>
        $"'{value}' is not an entity type: use lowercase letters and '_' (at most 40), e.g. agency, service, contact.";

    [GeneratedRegex("^[a-z][a-z_]{0,39}$")]
    private static partial Regex EntityTypeShape();

    [GeneratedRegex("^imp-[a-z0-9][a-z0-9-]{0,60}$")]
    private static partial Regex ImportIdShape();
}
